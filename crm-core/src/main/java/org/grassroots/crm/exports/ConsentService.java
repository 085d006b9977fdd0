package org.grassroots.crm.exports;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.exports.internal.ConsentNotices;
import org.grassroots.crm.exports.internal.ConsentSql;
import org.grassroots.crm.exports.internal.PartnerRepository;
import org.grassroots.crm.exports.internal.StaffMember;
import org.grassroots.crm.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-person, per-partner sharing consent, one person at a time (co-sponsored petitions record theirs in bulk through
 * {@link CosponsorService}). A grant keeps the notice text the person saw, its source and date; a withdrawal is a
 * new entry in the history, never a deletion. Only active supporters (not merged away, not erased) can consent.
 * Organizers and admins record; fundraisers read too. Each change is one audit event without personal data.
 */
@Service
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME})
public class ConsentService {

    static final String PERSON = "person";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final ConsentSql consents;
    private final ConsentNotices notices;
    private final PartnerRepository partners;
    private final AuditLog audit;
    private final Clock clock;

    ConsentService(ConsentSql consents, ConsentNotices notices, PartnerRepository partners, AuditLog audit,
            Clock clock) {
        this.consents = consents;
        this.notices = notices;
        this.partners = partners;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records that the person agreed to share with the partner. Refused when they already consent, when they
     * withdrew after {@code givenAt} (the later decision stands), for a date in the future, and for the
     * {@link ConsentSourceKind#PETITION_COSPONSOR} source, which only the petition's signers give.
     */
    @Transactional
    @RolesAllowed({Role.ORGANIZER_NAME, Role.ADMIN_NAME})
    public PartnerConsent grant(long personId, long partnerId, ConsentGrant grant) {
        if (grant.source().kind() == ConsentSourceKind.PETITION_COSPONSOR) {
            throw new InvalidInputException("source", "Co-sponsor consents come from a petition's signers: record "
                    + "them for the petition instead.");
        }
        String notice = noticeText(grant.noticeText());
        Instant now = now();
        Instant givenAt = grant.givenAt() == null ? now : grant.givenAt().truncatedTo(ChronoUnit.MICROS);
        if (givenAt.isAfter(now)) {
            throw new InvalidInputException("givenAt", "A consent cannot be given in the future.");
        }
        requireActivePerson(personId);
        requirePartner(partnerId);
        consents.lockCurrent(personId, partnerId).ifPresent(current -> {
            if (current.current()) {
                throw new InvalidInputException("partnerId", "This supporter already consents to sharing with "
                        + current.partnerName() + " (since " + DAY.format(current.grantedAt()) + ").");
            }
            if (current.withdrawnAt().isAfter(givenAt)) {
                throw new InvalidInputException("givenAt", "This supporter withdrew consent for "
                        + current.partnerName() + " on " + DAY.format(current.withdrawnAt())
                        + ", after that date; only a consent given later can replace the withdrawal.");
            }
        });
        consents.grant(personId, partnerId, notices.idOf(notice), grant.source(), givenAt, StaffMember.username());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("partnerId", partnerId);
        facts.put("source", grant.source().kind().name());
        facts.put("givenAt", givenAt.toString());
        audit.record(AuditEntry.of(AuditAction.PARTNER_CONSENT_GRANTED, PERSON, personId, facts));
        return consents.lockCurrent(personId, partnerId).orElseThrow();
    }

    /** Records that the person no longer agrees to share with the partner, from now on. */
    @Transactional
    @RolesAllowed({Role.ORGANIZER_NAME, Role.ADMIN_NAME})
    public PartnerConsent withdraw(long personId, long partnerId, @Nullable String note) {
        String trimmed = note == null || note.isBlank() ? null : note.strip();
        if (trimmed != null && trimmed.length() > 2000) {
            throw new InvalidInputException("note", "Keep the note under 2,000 characters.");
        }
        requireActivePerson(personId);
        requirePartner(partnerId);
        PartnerConsent current = consents.lockCurrent(personId, partnerId).filter(PartnerConsent::current)
                .orElseThrow(() -> new InvalidInputException("partnerId",
                        "This supporter has no current consent for that partner to withdraw."));
        consents.withdraw(personId, partnerId, now(), trimmed, StaffMember.username());
        audit.record(AuditEntry.of(AuditAction.PARTNER_CONSENT_WITHDRAWN, PERSON, personId,
                Map.of("partnerId", partnerId, "grantedAt", current.grantedAt().toString())));
        return consents.lockCurrent(personId, partnerId).orElseThrow();
    }

    /** The person's current decision for each partner they ever decided about. */
    @Transactional(readOnly = true)
    public List<PartnerConsent> consents(long personId) {
        return consents.consents(personId);
    }

    /** Every grant and withdrawal of the person, newest first. */
    @Transactional(readOnly = true)
    public List<ConsentEvent> history(long personId) {
        return consents.history(personId);
    }

    static String noticeText(@Nullable String text) {
        String notice = text == null ? "" : text.strip();
        if (notice.isEmpty() || notice.length() > 5000) {
            throw new InvalidInputException("noticeText", "Enter the notice the supporter agreed to, word for word "
                    + "(1 to 5,000 characters).");
        }
        return notice;
    }

    private void requireActivePerson(long personId) {
        if (!consents.lockActivePerson(personId)) {
            throw new InvalidInputException("personId",
                    "No supporter with id " + personId + " (or they were merged into another or erased).");
        }
    }

    private void requirePartner(long partnerId) {
        if (!partners.existsById(partnerId)) {
            throw PartnerService.unknown(partnerId);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
