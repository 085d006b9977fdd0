package org.grassroots.crm.plugin.api.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.grassroots.crm.plugin.api.petitions.ImportSink;
import org.grassroots.crm.plugin.api.petitions.ImportSummary;
import org.grassroots.crm.plugin.api.petitions.ImportedSignature;
import org.grassroots.crm.plugin.api.petitions.OptInPolicy;
import org.grassroots.crm.plugin.api.petitions.RejectedRow;
import org.grassroots.crm.plugin.api.petitions.SignatureBatch;
import org.grassroots.crm.plugin.api.petitions.SignatureImportRequest;
import org.grassroots.crm.plugin.api.supporters.EmailStatus;
import org.grassroots.crm.plugin.api.supporters.SupporterRecord;
import org.jspecify.annotations.Nullable;

/**
 * An {@link ImportSink} that keeps each batch's rows for assertions and counts an {@link ImportSummary} from them
 * the way the CRM's merge does, without storing anyone:
 * <ul>
 *   <li>a row without an e-mail address, or with one that is not an address, is rejected at
 *       {@link SignatureBatch#finish()}, like the plugin's own {@linkplain SignatureBatch#reject rejects}, and so
 *       is a new row whose address was erased (the CRM never adds an erased address again);</li>
 *   <li>a row repeating an earlier row's address (any case) is a duplicate in the file;</li>
 *   <li>a row whose address the optional {@link InMemorySupporterDirectory} finds is a matched person, any other a
 *       new one; a row whose address {@link #alreadySigned} names has already signed;</li>
 *   <li>an opted-in row (per the {@link OptInPolicy}) newly subscribes a new or not-subscribed address, keeps a
 *       subscribed one as it is, and counts as {@code protectedKept} for an unsubscribed, bouncing or complained address (status
 *       from the optional {@link InMemorySubscriptionLedger}, else from the directory's primary address).</li>
 * </ul>
 * A dry run counts the same and gets batch id 0. The directory and ledger are only read, never changed.
 */
public class InMemoryImportSink implements ImportSink {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final @Nullable InMemorySupporterDirectory directory;
    private final @Nullable InMemorySubscriptionLedger ledger;
    private final Set<Long> petitions = new HashSet<>();
    private final Map<Long, Set<String>> signed = new HashMap<>();
    private final List<Batch> batches = new ArrayList<>();
    private long nextBatchId = 1;

    /** A sink that matches nobody: every row with an address is a new person. */
    public InMemoryImportSink() {
        this(null, null);
    }

    /** A sink that matches rows to supporters of {@code directory} by e-mail. */
    public InMemoryImportSink(InMemorySupporterDirectory directory) {
        this(directory, null);
    }

    /**
     * @param directory who exists already, or {@code null}
     * @param ledger    the subscription state of addresses, or {@code null} to use the directory's
     */
    public InMemoryImportSink(@Nullable InMemorySupporterDirectory directory,
            @Nullable InMemorySubscriptionLedger ledger) {
        this.directory = directory;
        this.ledger = ledger;
    }

    /** Declares the petitions that exist; once any is declared, opening a batch for another one is refused. */
    public InMemoryImportSink knownPetitions(long... petitionIds) {
        for (long id : petitionIds) {
            petitions.add(id);
        }
        return this;
    }

    /** Declares that these addresses have signed the petition already. */
    public InMemoryImportSink alreadySigned(long petitionId, String... emails) {
        Set<String> addresses = signed.computeIfAbsent(petitionId, id -> new HashSet<>());
        for (String email : emails) {
            addresses.add(Emails.normalise(email));
        }
        return this;
    }

    /** Every batch opened, in order. */
    public List<Batch> batches() {
        return List.copyOf(batches);
    }

    /** The batch opened last. */
    public Batch lastBatch() {
        if (batches.isEmpty()) {
            throw new IllegalStateException("No batch was opened");
        }
        return batches.getLast();
    }

    @Override
    public SignatureBatch open(SignatureImportRequest request) {
        if (!petitions.isEmpty() && !petitions.contains(request.petitionId())) {
            throw new IllegalArgumentException("There is no petition " + request.petitionId());
        }
        Batch batch = new Batch(request);
        batches.add(batch);
        return batch;
    }

    /** One batch: what the plugin handed in, and how it ended. */
    public final class Batch implements SignatureBatch {

        private final SignatureImportRequest request;
        private final List<ImportedSignature> signatures = new ArrayList<>();
        private final List<RejectedRow> rejects = new ArrayList<>();
        private @Nullable ImportSummary summary;
        private boolean discarded;

        private Batch(SignatureImportRequest request) {
            this.request = request;
        }

        /** The request the batch was opened with. */
        public SignatureImportRequest request() {
            return request;
        }

        /** The rows added, in order. */
        public List<ImportedSignature> signatures() {
            return List.copyOf(signatures);
        }

        /** The rows the plugin rejected, in order. */
        public List<RejectedRow> rejects() {
            return List.copyOf(rejects);
        }

        /** The summary {@link #finish()} returned, if it was called. */
        public Optional<ImportSummary> summary() {
            return Optional.ofNullable(summary);
        }

        /** Whether the batch was closed without being finished, which discards it in the CRM. */
        public boolean discarded() {
            return discarded;
        }

        @Override
        public void add(ImportedSignature signature) {
            checkOpen();
            signatures.add(signature);
        }

        @Override
        public void reject(RejectedRow row) {
            checkOpen();
            rejects.add(row);
        }

        @Override
        public ImportSummary finish() {
            checkOpen();
            summary = count();
            return summary;
        }

        @Override
        public void close() {
            if (summary == null) {
                discarded = true;
            }
        }

        private void checkOpen() {
            if (summary != null || discarded) {
                throw new IllegalStateException("The batch for " + request.fileName() + " is already "
                        + (summary != null ? "finished" : "closed"));
            }
        }

        private ImportSummary count() {
            long rejected = rejects.size();
            long newPeople = 0;
            long matched = 0;
            long newSignatures = 0;
            long alreadySignedRows = 0;
            long duplicates = 0;
            long subscribed = 0;
            long protectedKept = 0;
            Set<String> seen = new HashSet<>();
            Set<String> signers = signed.getOrDefault(request.petitionId(), Set.of());
            for (ImportedSignature row : signatures) {
                String email = row.email() == null || row.email().isBlank() ? null : Emails.normalise(row.email());
                if (email == null || !EMAIL.matcher(email).matches()) {
                    rejected++;
                    continue;
                }
                if (!seen.add(email)) {
                    duplicates++;
                    continue;
                }
                Optional<SupporterRecord> existing = directory == null ? Optional.empty()
                        : directory.findByEmail(email);
                EmailStatus known = status(email, existing);
                if (existing.isEmpty() && known == EmailStatus.ERASED) {
                    rejected++;
                    continue;
                }
                if (existing.isPresent()) {
                    matched++;
                } else {
                    newPeople++;
                }
                if (signers.contains(email)) {
                    alreadySignedRows++;
                } else {
                    newSignatures++;
                }
                if (optedIn(row)) {
                    if (known == null || known == EmailStatus.NOT_SUBSCRIBED) {
                        subscribed++;
                    } else if (known.isProtected()) {
                        protectedKept++;
                    }
                }
            }
            long rows = signatures.size() + rejects.size();
            long batchId = request.dryRun() ? 0 : nextBatchId++;
            return new ImportSummary(batchId, rows, newPeople, matched, newSignatures, alreadySignedRows, duplicates,
                    rejected, subscribed, protectedKept);
        }

        private boolean optedIn(ImportedSignature row) {
            return switch (request.optInPolicy()) {
                case FROM_COLUMN -> Boolean.TRUE.equals(row.optIn());
                case ALL_OPTED_IN -> true;
                case NEVER -> false;
            };
        }

        private @Nullable EmailStatus status(String email, Optional<SupporterRecord> existing) {
            if (ledger != null) {
                Optional<EmailStatus> known = ledger.status(email);
                if (known.isPresent()) {
                    return known.get();
                }
            }
            return existing.filter(s -> email.equals(s.email())).map(SupporterRecord::emailStatus).orElse(null);
        }
    }
}
