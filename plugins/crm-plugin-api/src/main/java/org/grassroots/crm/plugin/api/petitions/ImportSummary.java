package org.grassroots.crm.plugin.api.petitions;

/**
 * The counts of a finished (or dry-run) import.
 *
 * @param batchId           the import batch, for rollback and the rejected-rows download (a dry run's batch holds only
 *                          its rejected rows)
 * @param rows              data rows read
 * @param newPeople         supporters created (or that would be)
 * @param matchedPeople     rows matched to an existing supporter
 * @param newSignatures     signatures added
 * @param alreadySigned     rows whose person had already signed this petition
 * @param duplicatesInFile  rows repeating an earlier row's person in the same file
 * @param rejected          rows rejected, with reasons in the report (also a new row whose address was erased: it is
 *                          never added again)
 * @param subscribed        addresses newly subscribed
 * @param protectedKept     opt-ins refused because the address was unsubscribed, bouncing or complained
 */
public record ImportSummary(long batchId, long rows, long newPeople, long matchedPeople, long newSignatures,
        long alreadySigned, long duplicatesInFile, long rejected, long subscribed, long protectedKept) {
}
