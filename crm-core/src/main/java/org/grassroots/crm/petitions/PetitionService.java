package org.grassroots.crm.petitions;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.petitions.internal.PetitionEntity;
import org.grassroots.crm.petitions.internal.PetitionMapper;
import org.grassroots.crm.petitions.internal.PetitionRepository;
import org.grassroots.crm.petitions.internal.SignatureSql;
import org.grassroots.crm.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

/**
 * Petitions and signatures entered by staff. Every staff role reads them; organizers and admins create and change
 * petitions and enter paper signatures. Analysts see only the titles, to filter reports (signatures name people).
 */
@Service
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME, Role.VOLUNTEER_COORDINATOR_NAME})
public class PetitionService {

    static final String PETITION = "petition";
    static final String SIGNATURE = "signature";
    static final String PAPER = "Paper";
    private static final int MAX_PAGE = 500;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final PetitionRepository petitions;
    private final PetitionSlugs slugs;
    private final SignatureSql signatures;
    private final PetitionMapper mapper;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PetitionService(PetitionRepository petitions, PetitionSlugs slugs, SignatureSql signatures,
            PetitionMapper mapper, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.petitions = petitions;
        this.slugs = slugs;
        this.signatures = signatures;
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    @RolesAllowed({Role.ORGANIZER_NAME, Role.ADMIN_NAME})
    public Petition create(PetitionDraft draft) {
        PetitionEntity petition = new PetitionEntity(currentUser(), now());
        describe(petition, draft);
        save(petition);
        audit.record(AuditEntry.of(AuditAction.PETITION_CREATED, PETITION, petition.getId(), facts(petition)));
        return mapper.toPetition(petition);
    }

    /** Changes a petition; a blank slug keeps the current one, so links already shared keep working. */
    @Transactional
    @RolesAllowed({Role.ORGANIZER_NAME, Role.ADMIN_NAME})
    public Petition update(long petitionId, PetitionDraft draft) {
        PetitionEntity petition = load(petitionId);
        describe(petition, draft);
        save(petition);
        audit.record(AuditEntry.of(AuditAction.PETITION_UPDATED, PETITION, petitionId, facts(petition)));
        return mapper.toPetition(petition);
    }

    /** Every petition's id and title, newest first, for report filters; analysts may read these too. */
    @RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME, Role.VOLUNTEER_COORDINATOR_NAME,
            Role.ANALYST_NAME})
    @Transactional(readOnly = true)
    public List<PetitionTitle> titles() {
        return petitions.findAll(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))).stream()
                .map(p -> new PetitionTitle(p.getId(), p.getTitle())).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Petition> find(long petitionId) {
        return petitions.findById(petitionId).map(mapper::toPetition);
    }

    @Transactional(readOnly = true)
    public Optional<Petition> findBySlug(String slug) {
        return petitions.findBySlug(slug.strip().toLowerCase(Locale.ROOT)).map(mapper::toPetition);
    }

    /** A page of petitions, newest first, each with its signature count (one query). */
    @Transactional(readOnly = true)
    public List<PetitionSummary> list(int offset, int limit) {
        return signatures.summaries(Math.max(0, offset), Math.clamp(limit, 0, MAX_PAGE));
    }

    @Transactional(readOnly = true)
    public long signatureCount(long petitionId) {
        return signatures.count(petitionId);
    }

    /** A page of a petition's signatures, newest first, for a lazy grid. */
    @Transactional(readOnly = true)
    public List<Signature> signatures(long petitionId, int offset, int limit) {
        return signatures.forPetition(petitionId, Math.max(0, offset), Math.clamp(limit, 0, MAX_PAGE));
    }

    /** Everything the person signed, newest first. */
    @Transactional(readOnly = true)
    public List<Signature> signaturesOf(long personId) {
        return signatures.forPerson(personId, Integer.MAX_VALUE);
    }

    /**
     * Records a signature a staff member enters (a paper form), signed now. {@code source} defaults to "Paper".
     * Refused when the person already signed this petition, or is merged away or erased.
     */
    @Transactional
    @RolesAllowed({Role.ORGANIZER_NAME, Role.ADMIN_NAME})
    public Signature sign(long petitionId, long personId, @Nullable String source, @Nullable String comment) {
        return sign(petitionId, personId, source, comment, false);
    }

    /**
     * As {@link #sign(long, long, String, String)}; {@code cosponsorConsent} says the signer ticked the petition's
     * co-sponsor sharing box, which records their consent to each of the petition's co-sponsoring partners.
     */
    @Transactional
    @RolesAllowed({Role.ORGANIZER_NAME, Role.ADMIN_NAME})
    public Signature sign(long petitionId, long personId, @Nullable String source, @Nullable String comment,
            boolean cosponsorConsent) {
        PetitionEntity petition = load(petitionId);
        if (!signatures.isLivePerson(personId)) {
            throw new InvalidInputException("personId",
                    "No supporter with id " + personId + " (or they were merged into another or erased).");
        }
        String from = optional(source, "source", 100);
        String note = optional(comment, "comment", 2000);
        long signatureId = signatures.insert(petitionId, personId, now(), from == null ? PAPER : from, note,
                        cosponsorConsent)
                .orElseThrow(() -> alreadySigned(petition, personId));
        Signature signature = signatures.find(signatureId).orElseThrow();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("petitionId", petitionId);
        facts.put("personId", personId);
        facts.put("source", signature.source());
        if (cosponsorConsent) {
            facts.put("cosponsorConsent", true);
        }
        audit.record(AuditEntry.of(AuditAction.SIGNATURE_ADDED, SIGNATURE, signatureId, facts));
        if (cosponsorConsent) {
            events.publishEvent(new CosponsorConsentSigned(petitionId, personId));
        }
        return signature;
    }

    private InvalidInputException alreadySigned(PetitionEntity petition, long personId) {
        String when = signatures.find(petition.getId(), personId)
                .map(existing -> " on " + DAY.format(existing.signedAt())).orElse("");
        return new InvalidInputException("personId",
                "This supporter already signed “" + petition.getTitle() + "”" + when + "; one signature per person.");
    }

    private void describe(PetitionEntity petition, PetitionDraft draft) {
        String title = draft.title() == null ? "" : draft.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            throw new InvalidInputException("title", "Enter a title of 1 to 200 characters.");
        }
        if (draft.goal() != null && draft.goal() < 1) {
            throw new InvalidInputException("goal", "A signature goal must be at least 1, or left empty.");
        }
        String slug = slugs.choose(petition, title, draft.slug());
        petition.describe(slug, title, optional(draft.description(), "description", 20_000),
                optional(draft.target(), "target", 200), draft.goal(), now());
    }

    private void save(PetitionEntity petition) {
        try {
            petitions.saveAndFlush(petition);
        } catch (DataIntegrityViolationException raced) {
            // someone took the same slug between our check and this insert
            throw PetitionSlugs.taken(petition.getSlug(), null);
        }
    }

    private PetitionEntity load(long petitionId) {
        return petitions.findById(petitionId)
                .orElseThrow(() -> new InvalidInputException("petitionId", "No petition with id " + petitionId + "."));
    }

    private static @Nullable String optional(@Nullable String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new InvalidInputException(field, "Keep the " + field + " under " + maxLength + " characters.");
        }
        return stripped;
    }

    private static Map<String, Object> facts(PetitionEntity petition) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("slug", petition.getSlug());
        facts.put("title", petition.getTitle());
        facts.put("target", petition.getTarget() == null ? "" : petition.getTarget());
        facts.put("goal", petition.getGoal() == null ? "" : petition.getGoal());
        return facts;
    }

    /** PostgreSQL keeps microseconds; what create and update return must equal what a later read finds. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String currentUser() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
