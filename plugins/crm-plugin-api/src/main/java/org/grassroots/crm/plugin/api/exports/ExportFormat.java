package org.grassroots.crm.plugin.api.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.grassroots.crm.plugin.api.CrmExtension;

/**
 * Extension point: a file format for partner exports. Core decides who and which fields are exported (consent,
 * allow-list, approval), streams the rows, encrypts the file and serves the expiring download; the format only
 * writes bytes.
 */
public interface ExportFormat extends CrmExtension {

    /** The file name extension without the dot, for example {@code csv}. */
    String fileExtension();

    /** The media type of the file, for example {@code text/csv}. */
    String mediaType();

    /**
     * Whether the file is meant to be opened in a spreadsheet. If so, core neutralises every value that starts with
     * {@code = + - @}, a tab or a carriage return before passing it to the writer, so no cell becomes a formula.
     */
    boolean opensInSpreadsheets();

    /**
     * Starts a file.
     *
     * @param out     where to write; core owns and closes it
     * @param columns the columns, in order
     */
    ExportWriter open(OutputStream out, List<ExportColumn> columns) throws IOException;
}
