package org.grassroots.crm.exports;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.exports.internal.OverlapSql;
import org.grassroots.crm.exports.internal.PartnerRepository;
import org.grassroots.crm.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * List matching without swapping lists: a partner sends a hashed match file made with the key agreed for this
 * exchange; this counts our active supporters whose e-mail address or phone number hashes to a line of it, and
 * names the shared ones who consent to that partner. Neither the file nor the key is stored. One audit event per
 * calculation, with counts only.
 */
@Service
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME})
public class OverlapService {

    /** The most consenting supporters one report names. */
    public static final int MAX_LISTED = 1_000;

    private final OverlapSql overlap;
    private final PartnerRepository partners;
    private final AuditLog audit;

    OverlapService(OverlapSql overlap, PartnerRepository partners, AuditLog audit) {
        this.overlap = overlap;
        this.partners = partners;
        this.audit = audit;
    }

    /**
     * @param hashedFile the partner's file ({@code email_hmac,phone_hmac} header, hex hashes); read once, not closed
     * @param fileName   its name, for messages
     * @param listLimit  how many consenting shared supporters to name (at most {@value #MAX_LISTED}); 0 for none
     * @throws org.grassroots.crm.common.InvalidInputException when the file breaks the layout (the message names
     *                                                         the line) or the partner is unknown
     */
    @Transactional
    public OverlapReport overlap(long partnerId, InputStream hashedFile, String fileName, MatchKey key,
            int listLimit) throws IOException {
        if (!partners.existsById(partnerId)) {
            throw PartnerService.unknown(partnerId);
        }
        long lines = overlap.load(key, hashedFile, fileName);
        long shared = overlap.shared();
        long withConsent = overlap.sharedWithConsent(partnerId);
        int limit = Math.clamp(listLimit, 0, MAX_LISTED);
        List<OverlapMatch> consenting = limit == 0 ? List.of() : overlap.consenting(partnerId, limit);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("file", fileName);
        facts.put("partnerRows", lines);
        facts.put("shared", shared);
        facts.put("sharedWithConsent", withConsent);
        facts.put("listed", consenting.size());
        audit.record(AuditEntry.of(AuditAction.PARTNER_OVERLAP_CALCULATED, PartnerService.TARGET, partnerId, facts));
        return new OverlapReport(partnerId, lines, shared, withConsent, consenting);
    }
}
