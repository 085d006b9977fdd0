package org.grassroots.plugins.petitionimport;

import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
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
            if (text.length() >= 10 && text.charAt(4) == '-') {
                if (text.length() == 10) {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                char separator = text.charAt(10);
                if (separator == 'T' || separator == 't') {
                    return instant(ISO_WITH_T.parseBest(text, OffsetDateTime::from, LocalDateTime::from));
                }
                if (separator == ' ') {
                    return instant(ISO_WITH_SPACE.parseBest(text, OffsetDateTime::from, LocalDateTime::from));
                }
                return null;
            }
            if (text.indexOf('/') > 0) {
                String end = text.length() < 2 ? "" : text.substring(text.length() - 2).toUpperCase(Locale.ROOT);
                if (end.equals("AM") || end.equals("PM")) {
                    return instant(US_12_HOUR.parse(text, LocalDateTime::from));
                }
                return instant(US_24_HOUR.parseBest(text, LocalDateTime::from, LocalDate::from));
            }
            return null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Instant instant(TemporalAccessor parsed) {
        return switch (parsed) {
            case OffsetDateTime offset -> offset.toInstant();
            case LocalDateTime local -> local.toInstant(ZoneOffset.UTC);
            case LocalDate date -> date.atStartOfDay(ZoneOffset.UTC).toInstant();
            default -> throw new DateTimeException("Not a date-time: " + parsed);
        };
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
