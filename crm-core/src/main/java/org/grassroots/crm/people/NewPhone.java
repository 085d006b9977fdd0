package org.grassroots.crm.people;

import org.jspecify.annotations.Nullable;

/** A phone number as typed ("(512) 555-0123", "+44 20 7946 0958"); US numbers need no country code. */
public record NewPhone(String number, @Nullable PhoneKind kind) {

    public PhoneKind kindOrDefault() {
        return kind == null ? PhoneKind.MOBILE : kind;
    }
}
