package org.grassroots.plugins.petitionimport;

import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Reads the "signed at" column. Accepted, with or without seconds (ISO forms also with fractions):
 * <ul>
 *   <li>{@code 2022-11-10T10:00:00Z}, {@code 2022-11-10T10:00:00+02:00}, {@code 2022-11-10 10:00:00 UTC} — an
 *       instant or an offset date-time;</li>
 *   <li>{@code 2022-11-10 10:00:00}, {@code 2022-11-10T10:00}, {@code 2022-11-10} — ISO local;</li>
 *   <li>{@code 11/10/2022}, {@code 11/10/2022 14:05}, {@code 11/10/2022 2:05:00 PM} — US month/day/year.</li>
 * </ul>
 * A time without an offset is taken as UTC, and a date alone as midnight UTC: exports from the common petition tools
 * write UTC, and the CRM stores instants. Dates are checked strictly (no February 30th).
 */
final class SignedAtParser {

    private static final DateTimeFormatter ISO_WITH_T = isoDateTime('T');
    private static final DateTimeFormatter ISO_WITH_SPACE = isoDateTime(' ');
    private static final DateTimeFormatter US_24_HOUR = us("M/d/uuuu[ H:mm[:ss]]");
    private static final DateTimeFormatter US_12_HOUR = us("M/d/uuuu h:mm[:ss][ ]a");

    private SignedAtParser() {
    }

    /** The instant {@code text} (trimmed, not empty) stands for, or {@code null} when it is not a date. */
    static @Nullable Instant parse(String text) {
        try {
            Instant common = commonIsoForm(text);
            if (common != null) {
                return common;
            }
            if (text.length() >= 10 && text.charAt(4) == '-') {
                if (text.length() == 10) {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                char separator = text.charAt(10);
                if (separator == 'T' || separator == 't') {
                    return instant(ISO_WITH_T.parse(text));
                }
                if (separator == ' ') {
                    return instant(ISO_WITH_SPACE.parse(text));
                }
                return null;
            }
            if (text.indexOf('/') > 0) {
                char last = Character.toUpperCase(text.charAt(text.length() - 1));
                return instant((last == 'M' ? US_12_HOUR : US_24_HOUR).parse(text));
            }
            return null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The form almost every export writes ({@code 2022-11-10 10:00:00}, also with {@code T}, without seconds, or
     * with a {@code Z}) read without a formatter, which costs a few microseconds a row; {@code null} for any other
     * form. An impossible date or time throws {@link DateTimeException} here as in the formatters.
     */
    private static @Nullable Instant commonIsoForm(String text) {
        int end = text.length();
        if (end > 0 && (text.charAt(end - 1) == 'Z' || text.charAt(end - 1) == 'z')) {
            end--;
        }
        if ((end != 16 && end != 19) || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(13) != ':'
                || (end == 19 && text.charAt(16) != ':')) {
            return null;
        }
        char separator = text.charAt(10);
        if (separator != ' ' && separator != 'T' && separator != 't') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = end == 19 ? digits(text, 17, 2) : 0;
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
    }

    /** The number written with {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Queries rather than {@code parseBest}, which pays for an exception on every value without an offset. */
    private static Instant instant(TemporalAccessor parsed) {
        LocalDate date = parsed.query(TemporalQueries.localDate());
        LocalTime time = parsed.query(TemporalQueries.localTime());
        ZoneOffset offset = parsed.query(TemporalQueries.offset());
        return LocalDateTime.of(date, time == null ? LocalTime.MIDNIGHT : time)
                .toInstant(offset == null ? ZoneOffset.UTC : offset);
    }

    private static DateTimeFormatter isoDateTime(char separator) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .append(DateTimeFormatter.ISO_LOCAL_DATE)
                .appendLiteral(separator)
                .appendValue(HOUR_OF_DAY, 2).appendLiteral(':').appendValue(MINUTE_OF_HOUR, 2)
                .optionalStart().appendLiteral(':').appendValue(SECOND_OF_MINUTE, 2)
                .optionalStart().appendFraction(NANO_OF_SECOND, 0, 9, true).optionalEnd()
                .optionalEnd()
                .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
                .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
                .optionalStart().appendOffset("+HH", "Z").optionalEnd()
                .optionalStart().appendLiteral(" UTC").optionalEnd()
                .toFormatter(Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT)
                .withChronology(IsoChronology.INSTANCE);
    }

    private static DateTimeFormatter us(String pattern) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .toFormatter(Locale.US)
                .withResolverStyle(ResolverStyle.STRICT)
                .withChronology(IsoChronology.INSTANCE);
    }
}
