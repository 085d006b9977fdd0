package org.grassroots.crm.exports;

/**
 * A link just created, with its token: show it once (for example as {@code /exports/download/<token>}); it cannot be
 * read again.
 */
public record NewExportLink(ExportLink link, String token) {

    @Override
    public String toString() {
        return "NewExportLink[link=" + link + ", token=hidden]";
    }
}
