package org.grassroots.crm.plugin.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.grassroots.crm.plugin.api.petitions.ImportSummary;
import org.grassroots.crm.plugin.api.petitions.ImportedSignature;
import org.grassroots.crm.plugin.api.petitions.OptInPolicy;
import org.grassroots.crm.plugin.api.petitions.RejectedRow;
import org.grassroots.crm.plugin.api.petitions.SignatureBatch;
import org.grassroots.crm.plugin.api.petitions.SignatureImportRequest;
import org.grassroots.crm.plugin.api.supporters.EmailStatus;
import org.junit.jupiter.api.Test;

class InMemoryImportSinkTest {

    private final InMemorySupporterDirectory directory = new InMemorySupporterDirectory();
    private final InMemorySubscriptionLedger ledger = new InMemorySubscriptionLedger();
    private final InMemoryImportSink sink = new InMemoryImportSink(directory, ledger).knownPetitions(7)
            .alreadySigned(7, "signed@example.org");

    @Test
    void countsTheSummaryFromTheRowsAsTheCrmWould() {
        directory.add(1, "known@example.org", EmailStatus.SUBSCRIBED);
        directory.add(2, "left@example.org", EmailStatus.UNSUBSCRIBED);
        directory.add(3, "signed@example.org", EmailStatus.SUBSCRIBED);
        ledger.addAddress(2, "left@example.org", EmailStatus.UNSUBSCRIBED);

        ImportSummary summary;
        try (SignatureBatch batch = sink.open(request(false, OptInPolicy.FROM_COLUMN))) {
            batch.add(row(2, "new@example.org", "Ann", true));
            batch.add(row(3, "KNOWN@example.org", "Kim", true));
            batch.add(row(4, "left@example.org", "Lee", true));
            batch.add(row(5, "new@example.org", "Ann", true));
            batch.add(row(6, "signed@example.org", "Sam", false));
            batch.add(row(7, null, "Nameonly", null)); // no e-mail: nothing to match or keep in touch with
            batch.add(row(8, null, null, null));
            batch.add(row(9, "not-an-address", "Bad", true));
            batch.reject(new RejectedRow(10, List.of("x", "yesterday"), "SIGNED_AT 'yesterday' is not a date"));
            summary = batch.finish();
        }

        assertThat(summary).isEqualTo(new ImportSummary(1, 9, 1, 3, 3, 1, 1, 4, 1, 1));
        assertThat(sink.lastBatch().signatures()).hasSize(8);
        assertThat(sink.lastBatch().rejects()).hasSize(1);
        assertThat(sink.lastBatch().discarded()).isFalse();
    }

    @Test
    void aDryRunCountsAlikeWithBatchIdZeroAndPoliciesDecideWhoIsSubscribed() {
        try (SignatureBatch batch = sink.open(request(true, OptInPolicy.ALL_OPTED_IN))) {
            batch.add(row(2, "a@example.org", "A", false));
            batch.add(row(3, "b@example.org", "B", null));
            assertThat(batch.finish()).extracting(ImportSummary::batchId, ImportSummary::subscribed)
                    .containsExactly(0L, 2L);
        }
        try (SignatureBatch batch = sink.open(request(false, OptInPolicy.NEVER))) {
            batch.add(row(2, "a@example.org", "A", true));
            assertThat(batch.finish()).extracting(ImportSummary::batchId, ImportSummary::subscribed)
                    .containsExactly(1L, 0L);
        }
    }

    @Test
    void aBatchIsFinishedOnceAndClosingUnfinishedDiscardsIt() {
        SignatureBatch finished = sink.open(request(false, OptInPolicy.NEVER));
        finished.finish();
        assertThatThrownBy(finished::finish).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> finished.add(row(2, "a@example.org", "A", null)))
                .isInstanceOf(IllegalStateException.class);

        try (SignatureBatch abandoned = sink.open(request(false, OptInPolicy.NEVER))) {
            abandoned.add(row(2, "a@example.org", "A", null));
        }
        assertThat(sink.lastBatch().discarded()).isTrue();
        assertThat(sink.lastBatch().summary()).isEmpty();
        assertThat(sink.batches()).hasSize(2);
    }

    @Test
    void anUnknownPetitionIsRefused() {
        assertThatThrownBy(() -> sink.open(new SignatureImportRequest(8, "march.csv", "action-network",
                OptInPolicy.NEVER, false, false))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8");
    }

    private static SignatureImportRequest request(boolean dryRun, OptInPolicy policy) {
        return new SignatureImportRequest(7, "march.csv", "action-network", policy, false, dryRun);
    }

    private static ImportedSignature row(long line, String email, String firstName, Boolean optIn) {
        return new ImportedSignature(line, email, firstName, null, null, null, null, null, null, "78701", null, null,
                null, optIn, null);
    }
}
