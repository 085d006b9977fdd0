package org.grassroots.crm.plugin.api.petitions;

/**
 * What a batch of signatures is for and how to store it.
 *
 * @param petitionId      the petition signed
 * @param fileName        the uploaded file's name, for the batch record and audit
 * @param source          the source recorded on new supporters and signatures, for example {@code action-network}
 * @param optInPolicy     how to treat e-mail consent
 * @param fillBlankFields whether existing supporters' empty fields are filled from the file (never overwritten)
 * @param dryRun          check and count everything, write nothing
 */
public record SignatureImportRequest(long petitionId, String fileName, String source, OptInPolicy optInPolicy,
        boolean fillBlankFields, boolean dryRun) {
}
