package org.grassroots.crm.people;

/** A supporter's phone in E.164 ({@code +15125550123}). */
public record Phone(long id, String e164, PhoneKind kind, boolean primary) {
}
