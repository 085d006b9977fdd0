package org.grassroots.crm.petitions.ui;

import java.text.NumberFormat;
import java.util.Locale;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.grassroots.crm.petitions.ImportBatch;
import org.grassroots.crm.petitions.ImportBatchService;
import org.grassroots.crm.petitions.ImportCounts;

/**
 * What a dry run found or an import did: the counts in words, the rejected rows to download when there are any, and
 * after an import the way on (the petition, the job, another file).
 */
class ImportResultPanel extends Div {

    ImportResultPanel(ImportBatch batch, ImportBatchService batches) {
        addClassName("import-result");
        ImportCounts counts = batch.counts();
        Paragraph summary = new Paragraph(summary(batch));
        summary.addClassName("import-summary");
        Div table = new Div();
        table.addClassName("import-counts");
        count(table, counts.rowsRead(), "rows in the file");
        count(table, counts.newSignatures(), batch.dryRun() ? "new signatures" : "signatures added");
        count(table, counts.newPeople(), batch.dryRun() ? "new supporters" : "supporters added");
        count(table, counts.matchedPeople(), "existing supporters matched");
        count(table, counts.alreadySigned(), "had already signed");
        count(table, counts.duplicatesInFile(), "duplicates in the file");
        count(table, counts.rejected(), "rejected rows");
        count(table, counts.subscribed(), batch.dryRun() ? "to subscribe to e-mail" : "subscribed to e-mail");
        count(table, counts.protectedKept(), "opt-ins refused (left the list before)");
        if (batch.fillBlankFields()) {
            count(table, counts.fieldsFilled(), "existing supporters with empty fields filled");
        }
        add(summary, table);
        if (hasRejectedRows(batch)) {
            add(rejectedRowsLink(batch, batches));
        }
        if (!batch.dryRun()) {
            Div next = new Div(new Anchor("petitions/" + batch.petitionId(), "Open the petition"),
                    new Anchor("jobs?job=" + batch.jobId(), "See the job on the Jobs screen"),
                    new Anchor("petitions/import?petition=" + batch.petitionId(), "Import another file"));
            next.addClassName("import-next");
            add(next);
        }
    }

    static boolean hasRejectedRows(ImportBatch batch) {
        return batch.counts().rejected() + batch.counts().duplicatesInFile() > 0;
    }

    /** A link that downloads the batch's rejected and duplicate rows as {@code rejected-<file>.csv}. */
    static Anchor rejectedRowsLink(ImportBatch batch, ImportBatchService batches) {
        long rows = batch.counts().rejected() + batch.counts().duplicatesInFile();
        return downloadLink(batch, batches, "Download rejected rows (" + number(rows) + ")");
    }

    /** The same download, showing only {@code text}, for a table cell; its tooltip says what it is. */
    static Anchor rejectedRowsLink(ImportBatch batch, ImportBatchService batches, String text) {
        Anchor link = downloadLink(batch, batches, text);
        link.setTitle("Download the rejected rows of " + batch.fileName());
        return link;
    }

    private static Anchor downloadLink(ImportBatch batch, ImportBatchService batches, String text) {
        DownloadHandler csv = event -> {
            event.setFileName(downloadName(batch.fileName()));
            event.setContentType("text/csv; charset=UTF-8");
            batches.writeRejectedRows(batch.id(), event.getOutputStream());
        };
        Anchor link = new Anchor(csv, "");
        link.setDownload(true);
        link.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(text));
        link.addClassName("import-rejected-download");
        return link;
    }

    /** "Added 300 signatures from 306 rows. 6 rows were left out: 5 rejected, 1 duplicate in the file." */
    static String summary(ImportBatch batch) {
        ImportCounts c = batch.counts();
        String text = (batch.dryRun() ? "The import would add " : "Added ") + plural(c.newSignatures(), "signature")
                + " from " + plural(c.rowsRead(), "row") + ".";
        long leftOut = c.rejected() + c.duplicatesInFile();
        if (leftOut > 0) {
            text += " " + plural(leftOut, "row") + (batch.dryRun() ? " would be" : leftOut == 1 ? " was" : " were")
                    + " left out: " + number(c.rejected()) + " rejected, "
                    + plural(c.duplicatesInFile(), "duplicate") + " in the file.";
        }
        if (c.alreadySigned() > 0) {
            text += " " + plural(c.alreadySigned(), "signer") + " had signed this petition before.";
        }
        return text;
    }

    static String plural(long count, String noun) {
        return number(count) + " " + noun + (count == 1 ? "" : "s");
    }

    static String number(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    /** {@code march.csv} → {@code rejected-march.csv}. */
    static String downloadName(String fileName) {
        String base = fileName.replaceAll("\\.[A-Za-z0-9]{1,4}$", "").replaceAll("[^A-Za-z0-9._-]+", "-");
        return "rejected-" + (base.isBlank() ? "rows" : base) + ".csv";
    }

    private static void count(Div table, long value, String label) {
        Span number = new Span(number(value));
        number.addClassName("import-count-value");
        Span caption = new Span(label);
        caption.addClassName("import-count-label");
        Div row = new Div(number, caption);
        row.addClassName("import-count");
        if (value == 0) {
            row.addClassName("import-count-zero");
        }
        table.add(row);
    }
}
