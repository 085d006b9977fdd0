package org.grassroots.crm.petitions;

/**
 * What an import did, or for a dry run what it would do.
 *
 * @param rowsRead         data rows in the file
 * @param newPeople        supporters created
 * @param matchedPeople    rows matched to an existing supporter by e-mail (or external id)
 * @param newSignatures    signatures added
 * @param alreadySigned    rows whose supporter had already signed this petition
 * @param duplicatesInFile rows repeating an earlier row's e-mail or external id; counted once
 * @param rejected         rows not imported, each with its reason in the download
 * @param subscribed       addresses put on the list
 * @param protectedKept    opt-ins refused because the address had unsubscribed, bounced or complained
 * @param fieldsFilled     existing supporters whose empty fields were filled from the file
 */
public record ImportCounts(long rowsRead, long newPeople, long matchedPeople, long newSignatures, long alreadySigned,
        long duplicatesInFile, long rejected, long subscribed, long protectedKept, long fieldsFilled) {

    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
