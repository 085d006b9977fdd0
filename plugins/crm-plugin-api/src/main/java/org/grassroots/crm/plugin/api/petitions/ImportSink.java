package org.grassroots.crm.plugin.api.petitions;

/**
 * Port: where a petition source's rows go. Core owns storage: COPY into staging, then one set-based merge that
 * matches people by normalised e-mail (then external id), creates new supporters, fills blank fields if asked,
 * adds signatures, derives states from ZIPs and applies consent without ever re-subscribing a protected address.
 * Importing the same file twice changes nothing the second time.
 */
public interface ImportSink {

    /**
     * Opens a batch. Use it in try-with-resources and call {@link SignatureBatch#finish()} at the end.
     *
     * @throws IllegalArgumentException when the petition does not exist
     */
    SignatureBatch open(SignatureImportRequest request);
}
