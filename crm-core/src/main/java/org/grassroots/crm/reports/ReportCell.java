package org.grassroots.crm.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;

import org.grassroots.crm.plugin.api.reports.ColumnKind;
import org.jspecify.annotations.Nullable;

/**
 * One value of a protected report table. A masked cell carries only its placeholder (such as {@code <10}), never
 * the number it hides.
 *
 * @param value    the value ({@link String}, {@link Long} or {@link BigDecimal}), or {@code null} when none or masked
 * @param maskedAs the text shown instead of a protected value, or {@code null} when the value is shown
 */
public record ReportCell(@Nullable Object value, @Nullable String maskedAs) {

    public static final ReportCell EMPTY = new ReportCell(null, null);

    public ReportCell {
        if (maskedAs != null && value != null) {
            throw new IllegalArgumentException("A masked cell keeps no value");
        }
    }

    public static ReportCell masked(String placeholder) {
        return new ReportCell(null, placeholder);
    }

    public boolean isMasked() {
        return maskedAs != null;
    }

    /** The value as a number, for charts, sorting and the map; empty for text, masked and missing values. */
    public Optional<BigDecimal> number() {
        return switch (value) {
            case Long l -> Optional.of(BigDecimal.valueOf(l));
            case Integer i -> Optional.of(BigDecimal.valueOf(i));
            case BigDecimal d -> Optional.of(d);
            case null, default -> Optional.empty();
        };
    }

    /** The value as people read it on screen and in the PDF: {@code 1,234}, {@code $1,234.50}, {@code 4.5%}. */
    public String display(ColumnKind kind) {
        if (maskedAs != null) {
            return maskedAs;
        }
        if (value == null) {
            return "";
        }
        Optional<BigDecimal> number = number();
        if (number.isEmpty()) {
            return value.toString();
        }
        BigDecimal n = number.get();
        return switch (kind) {
            case COUNT -> grouped("#,##0").format(n);
            case MONEY -> (n.signum() < 0 ? "-$" : "$") + grouped("#,##0.00").format(n.abs());
            case PERCENT -> grouped("+#,##0.0;-#,##0.0").format(n) + "%";
            case RATE, DECIMAL -> grouped("#,##0.0#").format(n);
            case TEXT -> n.toPlainString();
        };
    }

    /** The value as a CSV cell: plain digits with a dot, no grouping; the placeholder when masked. */
    public String plain() {
        if (maskedAs != null) {
            return maskedAs;
        }
        return switch (value) {
            case null -> "";
            case BigDecimal d -> d.toPlainString();
            default -> value.toString();
        };
    }

    private static DecimalFormat grouped(String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
