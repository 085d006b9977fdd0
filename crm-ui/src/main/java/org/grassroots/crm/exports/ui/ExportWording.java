package org.grassroots.crm.exports.ui;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import org.grassroots.crm.exports.ConsentSource;
import org.grassroots.crm.exports.ExportStatus;
import org.jspecify.annotations.Nullable;

/** How the partner and export screens write counts, days, times, sources and statuses, the same on each. */
final class ExportWording {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private ExportWording() {
    }

    static String number(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    /** "1 person", "1,234 people". */
    static String people(long count) {
        return number(count) + (count == 1 ? " person" : " people");
    }

    static String day(@Nullable Instant at) {
        return at == null ? "" : DAY.format(at);
    }

    static String when(@Nullable Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    /** Where a consent came from, in words; the petition's title when it is known. */
    static String source(@Nullable ConsentSource source, @Nullable String petitionTitle) {
        if (source == null) {
            return "";
        }
        return switch (source.kind()) {
            case MANUAL -> "Entered by staff";
            case IMPORT -> "Import #" + source.importBatchId() + ", column “" + source.importColumn() + "”";
            case PETITION_COSPONSOR -> "Co-sponsor box on the petition "
                    + (petitionTitle == null ? "#" + source.petitionId() : "“" + petitionTitle + "”");
        };
    }

    /** A status chip: waiting in amber, approved and ready in green, rejected in red, expired in grey. */
    static Badge status(ExportStatus status) {
        Badge badge = new Badge(status.label());
        badge.addClassName("export-status");
        badge.getElement().setAttribute("data-status", status.name());
        badge.addThemeVariants(switch (status) {
            case PENDING_APPROVAL -> BadgeVariant.WARNING;
            case APPROVED, READY -> BadgeVariant.SUCCESS;
            case REJECTED -> BadgeVariant.ERROR;
            case EXPIRED -> BadgeVariant.CONTRAST;
        });
        return badge;
    }
}
