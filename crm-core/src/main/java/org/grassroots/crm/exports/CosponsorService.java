package org.grassroots.crm.exports;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.exports.internal.ConsentNotices;
import org.grassroots.crm.exports.internal.CosponsorSql;
import org.grassroots.crm.exports.internal.StaffMember;
import org.grassroots.crm.petitions.CosponsorConsentSigned;
import org.grassroots.crm.security.Role;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners co-sponsoring a petition. A signer who ticked the petition's co-sponsor box
 * ({@code signature.cosponsor_consent}) consents to each co-sponsor; {@link #recordConsents} writes those consents
 * for the whole petition in one set-based statement, attributed to the petition ({@link
 * ConsentSourceKind#PETITION_COSPONSOR}) and dated when each person signed.
 */
@Service
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME})
public class CosponsorService {

    private static final String PETITION = "petition";

    private final CosponsorSql cosponsors;
    private final ConsentNotices notices;
    private final AuditLog audit;
    private final Clock clock;

    CosponsorService(CosponsorSql cosponsors, ConsentNotices notices, AuditLog audit, Clock clock) {
        this.cosponsors = cosponsors;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Makes exactly these partners the petition's co-sponsors, with the notice its signers see beside the
     * co-sponsor box. Consents already recorded stay when a partner is removed: they were given.
     */
    @Transactional
    @RolesAllowed({Role.ORGANIZER_NAME, Role.ADMIN_NAME})
    public List<Cosponsor> setCosponsors(long petitionId, List<Long> partnerIds, String noticeText) {
        List<Long> wanted = List.copyOf(new LinkedHashSet<>(partnerIds));
        String notice = wanted.isEmpty() ? null : ConsentService.noticeText(noticeText);
        requirePetition(petitionId);
        List<Long> existing = cosponsors.existingPartners(wanted);
        wanted.stream().filter(id -> !existing.contains(id)).findFirst().ifPresent(id -> {
            throw PartnerService.unknown(id);
        });
        cosponsors.replace(petitionId, wanted, notice == null ? 0 : notices.idOf(notice), StaffMember.username(),
                clock.instant());
        audit.record(AuditEntry.of(AuditAction.PETITION_COSPONSORS_CHANGED, PETITION, petitionId,
                Map.of("partnerIds", wanted)));
        return cosponsors.cosponsors(petitionId);
    }

    @Transactional(readOnly = true)
    public List<Cosponsor> cosponsors(long petitionId) {
        return cosponsors.cosponsors(petitionId);
    }

    /**
     * Records each co-sponsor's consent for the petition's consenting signers who do not consent yet; safe to run
     * again after more signatures arrive. A signer who withdrew after signing is left alone.
     */
    @Transactional
    @RolesAllowed({Role.ORGANIZER_NAME, Role.ADMIN_NAME})
    public CosponsorConsents recordConsents(long petitionId) {
        requirePetition(petitionId);
        return audited(petitionId, cosponsors.recordConsents(petitionId, null, StaffMember.username()));
    }

    /**
     * A signature entered with the co-sponsor box ticked: records that signer's consent to each co-sponsor at once
     * (in the signing transaction, as the member of staff who entered it). Nothing is recorded, or audited, when the
     * petition has no co-sponsors.
     */
    @EventListener
    @Transactional
    @RolesAllowed({Role.ORGANIZER_NAME, Role.ADMIN_NAME})
    public void onCosponsorConsentSigned(CosponsorConsentSigned signed) {
        Map<Long, Long> granted = cosponsors.recordConsents(signed.petitionId(), signed.personId(),
                StaffMember.username());
        if (!granted.isEmpty()) {
            audited(signed.petitionId(), granted);
        }
    }

    private CosponsorConsents audited(long petitionId, Map<Long, Long> granted) {
        CosponsorConsents result = new CosponsorConsents(petitionId, granted);
        Map<String, Long> perPartner = new HashMap<>();
        granted.forEach((partner, count) -> perPartner.put(partner.toString(), count));
        audit.record(AuditEntry.of(AuditAction.COSPONSOR_CONSENTS_RECORDED, PETITION, petitionId,
                Map.of("granted", result.total(), "byPartner", perPartner)));
        return result;
    }

    private void requirePetition(long petitionId) {
        if (!cosponsors.lockPetition(petitionId)) {
            throw new InvalidInputException("petitionId", "No petition with id " + petitionId + ".");
        }
    }
}
