package org.grassroots.crm.exports;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.exports.internal.PartnerEntity;
import org.grassroots.crm.exports.internal.PartnerMapper;
import org.grassroots.crm.exports.internal.PartnerRepository;
import org.grassroots.crm.exports.internal.StaffMember;
import org.grassroots.crm.people.EmailAddresses;
import org.grassroots.crm.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coalition partner organisations. Organizers and admins create and change them (audited); fundraisers read them,
 * because they sign off exports to partners.
 */
@Service
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME})
public class PartnerService {

    static final String TARGET = "partner";

    private final PartnerRepository partners;
    private final PartnerMapper mapper;
    private final AuditLog audit;
    private final Clock clock;

    PartnerService(PartnerRepository partners, PartnerMapper mapper, AuditLog audit, Clock clock) {
        this.partners = partners;
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @RolesAllowed({Role.ORGANIZER_NAME, Role.ADMIN_NAME})
    public Partner create(PartnerDraft draft) {
        PartnerEntity partner = new PartnerEntity(StaffMember.username(), now());
        describe(partner, draft);
        save(partner);
        audit.record(AuditEntry.of(AuditAction.PARTNER_CREATED, TARGET, partner.getId(), facts(partner)));
        return mapper.toPartner(partner);
    }

    @Transactional
    @RolesAllowed({Role.ORGANIZER_NAME, Role.ADMIN_NAME})
    public Partner update(long partnerId, PartnerDraft draft) {
        PartnerEntity partner = partners.findById(partnerId).orElseThrow(() -> unknown(partnerId));
        describe(partner, draft);
        save(partner);
        audit.record(AuditEntry.of(AuditAction.PARTNER_UPDATED, TARGET, partnerId, facts(partner)));
        return mapper.toPartner(partner);
    }

    @Transactional(readOnly = true)
    public Optional<Partner> find(long partnerId) {
        return partners.findById(partnerId).map(mapper::toPartner);
    }

    /** Every partner by name; a coalition has tens of partners, not thousands. */
    @Transactional(readOnly = true)
    public List<Partner> list() {
        return partners.findAllByName().stream().map(mapper::toPartner).toList();
    }

    static InvalidInputException unknown(long partnerId) {
        return new InvalidInputException("partnerId", "No partner with id " + partnerId + ".");
    }

    private void describe(PartnerEntity partner, PartnerDraft draft) {
        String name = text("name", draft.name(), 200);
        if (name == null) {
            throw new InvalidInputException("name", "Enter the partner's name (1 to 200 characters).");
        }
        partners.findByNameIgnoringCase(name).filter(other -> !other.getId().equals(partner.getId()))
                .ifPresent(other -> {
                    throw taken(other.getName());
                });
        String email = null;
        if (draft.contactEmail() != null && !draft.contactEmail().isBlank()) {
            email = EmailAddresses.normalise(draft.contactEmail()).orElseThrow(() -> new InvalidInputException(
                    "contactEmail", "Enter the contact's e-mail address like name@example.org, or leave it empty."));
        }
        partner.describe(name, text("contactName", draft.contactName(), 200), email,
                text("notes", draft.notes(), 5000), now());
    }

    private void save(PartnerEntity partner) {
        try {
            partners.saveAndFlush(partner);
        } catch (DataIntegrityViolationException raced) {
            // someone took the same name between our check and this write
            throw taken(partner.getName());
        }
    }

    private static InvalidInputException taken(String name) {
        return new InvalidInputException("name", "There is already a partner called “" + name + "”.");
    }

    private static @Nullable String text(String field, @Nullable String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new InvalidInputException(field, "Use at most " + maxLength + " characters.");
        }
        return stripped;
    }

    private static Map<String, Object> facts(PartnerEntity partner) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("name", partner.getName());
        facts.put("contactName", partner.getContactName() == null ? "" : partner.getContactName());
        facts.put("contactEmail", partner.getContactEmail() == null ? "" : partner.getContactEmail());
        return facts;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
