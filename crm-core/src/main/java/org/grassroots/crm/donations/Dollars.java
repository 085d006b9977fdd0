package org.grassroots.crm.donations;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** US-dollar amounts as staff read them: "$1,234.50". */
public final class Dollars {

    private Dollars() {
    }

    public static String format(BigDecimal amount) {
        // NumberFormat is not thread-safe, so each call gets its own
        return NumberFormat.getCurrencyInstance(Locale.US).format(amount);
    }
}
