package org.grassroots.crm.exports;

import java.util.Map;

/**
 * What recording a petition's co-sponsor consents did.
 *
 * @param grantedByPartner new grants per partner id (people who already consented, or withdrew after signing, get
 *                         none)
 */
public record CosponsorConsents(long petitionId, Map<Long, Long> grantedByPartner) {

    public CosponsorConsents {
        grantedByPartner = Map.copyOf(grantedByPartner);
    }

    public long total() {
        return grantedByPartner.values().stream().mapToLong(Long::longValue).sum();
    }
}
