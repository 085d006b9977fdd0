package org.grassroots.crm.exports;

/** A step the export's current status does not allow, such as approving a rejected export. Nothing was written. */
public class IllegalExportTransitionException extends RuntimeException {

    private final long definitionId;
    private final ExportStatus from;
    private final ExportStatus to;

    public IllegalExportTransitionException(long definitionId, ExportStatus from, ExportStatus to) {
        super("Export #" + definitionId + " is " + from.label().toLowerCase(java.util.Locale.ROOT) + " ("
                + from.name() + "); it cannot become " + to.name() + "." + hint(from));
        this.definitionId = definitionId;
        this.from = from;
        this.to = to;
    }

    private static String hint(ExportStatus from) {
        return switch (from) {
            case REJECTED, EXPIRED -> " Create a new export definition instead.";
            case READY -> " Its file is already produced.";
            default -> "";
        };
    }

    public long definitionId() {
        return definitionId;
    }

    public ExportStatus from() {
        return from;
    }

    public ExportStatus to() {
        return to;
    }
}
