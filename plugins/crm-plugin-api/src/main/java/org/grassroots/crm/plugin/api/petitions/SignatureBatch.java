package org.grassroots.crm.plugin.api.petitions;

/**
 * An open import batch from {@link ImportSink#open}. Rows are staged as they arrive (through COPY, so there is no
 * per-row database round trip) and nothing touches supporters or signatures until {@link #finish()}, which merges
 * the whole batch in one transaction. Closing without finishing discards everything staged.
 */
public interface SignatureBatch extends AutoCloseable {

    /** Stages one mapped row. Core checks it at {@link #finish()}; bad values become rejected rows there. */
    void add(ImportedSignature signature);

    /** Records a row the plugin could not read. */
    void reject(RejectedRow row);

    /**
     * Checks and merges everything staged in one transaction, or for a dry run only counts, and returns the counts.
     * After this the batch is closed.
     */
    ImportSummary finish();

    /** Discards the batch if it was not finished. */
    @Override
    void close();
}
