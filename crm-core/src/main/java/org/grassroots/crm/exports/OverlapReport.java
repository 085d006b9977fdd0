package org.grassroots.crm.exports;

import java.util.List;

/**
 * How many of our supporters a partner's hashed file shares with us, without either side seeing the other's list.
 *
 * @param partnerRows        hash lines in the partner's file
 * @param shared             our active supporters with an e-mail address or phone number whose hash is in the file
 * @param sharedWithConsent  of those, how many currently consent to sharing with this partner
 * @param consenting         the first of those (by id), at most the limit asked for; nobody without consent
 */
public record OverlapReport(long partnerId, long partnerRows, long shared, long sharedWithConsent,
        List<OverlapMatch> consenting) {

    public OverlapReport {
        consenting = List.copyOf(consenting);
    }
}
