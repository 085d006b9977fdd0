package org.grassroots.crm.exports;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/**
 * Why a download link gives no file, one type per reason so the web layer can answer each with its own status
 * (for example 404 for {@link UnknownLink}, 410 for the expired and revoked ones, 500 for {@link FileMissing}). The
 * message is written for the person holding the link. A download of donation fields by someone who may not see
 * them is refused with Spring Security's {@code AccessDeniedException} instead.
 */
public abstract sealed class ExportDownloadRefusedException extends RuntimeException {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    ExportDownloadRefusedException(String message) {
        super(message);
    }

    static String when(Instant instant) {
        return WHEN.format(instant);
    }

    /** No link has this token (mistyped, cut short, or never issued). Says nothing about any export. */
    public static final class UnknownLink extends ExportDownloadRefusedException {
        public UnknownLink() {
            super("This download link is not valid. Check that it was copied in full, or ask for a new link.");
        }
    }

    /** The link's own lifetime ended. */
    public static final class LinkExpired extends ExportDownloadRefusedException {
        private final long linkId;

        public LinkExpired(long linkId, Instant expiredAt) {
            super("This download link expired on " + when(expiredAt) + ". Ask for a new link.");
            this.linkId = linkId;
        }

        public long linkId() {
            return linkId;
        }
    }

    /** Someone revoked the link. */
    public static final class LinkRevoked extends ExportDownloadRefusedException {
        private final long linkId;

        public LinkRevoked(long linkId, String revokedBy, Instant revokedAt) {
            super("This download link was revoked by " + revokedBy + " on " + when(revokedAt) + ".");
            this.linkId = linkId;
        }

        public long linkId() {
            return linkId;
        }
    }

    /** The export itself ended: its file expired or was withdrawn, and was deleted; every link to it stops. */
    public static final class ExportExpired extends ExportDownloadRefusedException {
        private final long definitionId;

        public ExportExpired(long definitionId, Instant endedAt, @Nullable String withdrawnBy,
                @Nullable String reason) {
            super(withdrawnBy == null
                    ? "Export #" + definitionId + " expired on " + when(endedAt) + " and its file was deleted. "
                            + "Ask for a new export."
                    : "Export #" + definitionId + " was withdrawn by " + withdrawnBy + " on " + when(endedAt)
                            + (reason == null ? "" : " (" + reason + ")") + " and its file was deleted.");
            this.definitionId = definitionId;
        }

        public long definitionId() {
            return definitionId;
        }
    }

    /** The export is ready but its file is not in this server's exports folder: an operations problem. */
    public static final class FileMissing extends ExportDownloadRefusedException {
        private final long definitionId;

        public FileMissing(long definitionId) {
            super("The file of export #" + definitionId + " is missing from the exports folder (crm.exports.dir) "
                    + "of this server. Ask an administrator: every instance must share that folder.");
            this.definitionId = definitionId;
        }

        public long definitionId() {
            return definitionId;
        }
    }
}
