package org.grassroots.crm.plugin.api.testing;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.grassroots.crm.plugin.api.supporters.EmailStatus;
import org.grassroots.crm.plugin.api.supporters.Segment;
import org.grassroots.crm.plugin.api.supporters.SupporterDirectory;
import org.grassroots.crm.plugin.api.supporters.SupporterRecord;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SupporterDirectory} over supporters a test adds, answering the way the CRM does:
 * <ul>
 *   <li>{@link #find} follows merges declared with {@link #merge};</li>
 *   <li>{@link #findByEmail} ignores case and surrounding spaces and also finds an address added with
 *       {@link #addAddress};</li>
 *   <li>a {@link Segment} holds only supporters with a primary address ({@link SupporterRecord#email()} not null),
 *       never a merged-away one; tags match in any case; {@link Segment#petitionSlug()} matches supporters declared
 *       with {@link #signed} (case and spaces ignored), and a slug never declared there is refused with an
 *       {@link IllegalArgumentException}, as the CRM refuses a slug no petition has;
 *       {@link EmailStatus#ERASED} matches nobody (erased people have no address);</li>
 *   <li>{@link #forEach} runs in id order, only over supporters whose {@link SupporterRecord#updatedAt()} is after
 *       {@code changedSince}, and stops at the first exception the action throws.</li>
 * </ul>
 */
public class InMemorySupporterDirectory implements SupporterDirectory {

    private final TreeMap<Long, SupporterRecord> supporters = new TreeMap<>();
    private final Map<Long, Long> mergedInto = new HashMap<>();
    private final Map<String, Long> otherAddresses = new HashMap<>();
    private final Map<String, Set<Long>> signers = new HashMap<>();

    /** Adds a supporter, or replaces the one with the same id. */
    public InMemorySupporterDirectory add(SupporterRecord supporter) {
        supporters.put(supporter.id(), supporter);
        return this;
    }

    /**
     * Adds a supporter with only an id and a primary address in the given state, changed at the epoch.
     *
     * @return the supporter added
     */
    public SupporterRecord add(long id, String email, EmailStatus status) {
        SupporterRecord supporter = new SupporterRecord(id, null, null, Emails.normalise(email), status, null, null,
                null, Set.of(), Instant.EPOCH);
        add(supporter);
        return supporter;
    }

    /** Gives a supporter another (non-primary) address that {@link #findByEmail} finds them by. */
    public InMemorySupporterDirectory addAddress(long supporterId, String email) {
        otherAddresses.put(Emails.normalise(email), supporterId);
        return this;
    }

    /** Records that {@code duplicateId} was merged into {@code survivorId}: the duplicate leaves every segment. */
    public InMemorySupporterDirectory merge(long duplicateId, long survivorId) {
        mergedInto.put(duplicateId, survivorId);
        return this;
    }

    /**
     * Records that these supporters signed the petition, for segments with a {@link Segment#petitionSlug()}; with no
     * ids, declares a petition nobody has signed yet.
     */
    public InMemorySupporterDirectory signed(String petitionSlug, long... supporterIds) {
        Set<Long> ids = signers.computeIfAbsent(slug(petitionSlug), slug -> new HashSet<>());
        for (long id : supporterIds) {
            ids.add(id);
        }
        return this;
    }

    /** Every supporter added and not merged away, in id order. */
    public List<SupporterRecord> all() {
        return supporters.values().stream().filter(s -> !mergedInto.containsKey(s.id())).toList();
    }

    @Override
    public Optional<SupporterRecord> find(long id) {
        long current = id;
        for (int hops = 0; mergedInto.containsKey(current) && hops < 100; hops++) {
            current = mergedInto.get(current);
        }
        return Optional.ofNullable(supporters.get(current)).filter(s -> !mergedInto.containsKey(s.id()));
    }

    @Override
    public Optional<SupporterRecord> findByEmail(String email) {
        String normalised = Emails.normalise(email);
        Long other = otherAddresses.get(normalised);
        if (other != null) {
            return find(other);
        }
        return all().stream().filter(s -> normalised.equals(s.email())).findFirst();
    }

    @Override
    public long count(Segment segment) {
        knownPetition(segment);
        return all().stream().filter(s -> belongs(s, segment)).count();
    }

    @Override
    public long forEach(Segment segment, @Nullable Instant changedSince, Consumer<SupporterRecord> action) {
        knownPetition(segment);
        long passed = 0;
        for (SupporterRecord supporter : all()) {
            if (belongs(supporter, segment) && (changedSince == null || supporter.updatedAt().isAfter(changedSince))) {
                action.accept(supporter);
                passed++;
            }
        }
        return passed;
    }

    private void knownPetition(Segment segment) {
        if (segment.petitionSlug() != null && !signers.containsKey(slug(segment.petitionSlug()))) {
            throw new IllegalArgumentException("No petition has the slug “" + segment.petitionSlug() + "”.");
        }
    }

    private static String slug(String petitionSlug) {
        return petitionSlug.strip().toLowerCase(Locale.ROOT);
    }

    private boolean belongs(SupporterRecord supporter, Segment segment) {
        if (supporter.email() == null) {
            return false;
        }
        Set<String> tags = supporter.tags().stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        boolean tagged = segment.tags().isEmpty()
                || segment.tags().stream().anyMatch(t -> tags.contains(t.trim().toLowerCase(Locale.ROOT)));
        boolean inState = segment.states().isEmpty() || (supporter.state() != null
                && segment.states().stream().anyMatch(s -> s.trim().equalsIgnoreCase(supporter.state())));
        boolean signedIt = segment.petitionSlug() == null
                || signers.get(slug(segment.petitionSlug())).contains(supporter.id());
        boolean status = segment.emailStatuses().isEmpty() || segment.emailStatuses().contains(supporter.emailStatus());
        return tagged && inState && signedIt && status;
    }
}
