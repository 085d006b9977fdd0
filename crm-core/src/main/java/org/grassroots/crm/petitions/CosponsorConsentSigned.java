package org.grassroots.crm.petitions;

/**
 * Published, inside the signing transaction, when a staff member enters a signature whose signer ticked the
 * petition's co-sponsor sharing box, so the partner exports feature records that signer's consent to each
 * co-sponsor at once.
 *
 * @param petitionId the petition signed
 * @param personId   the signer
 */
public record CosponsorConsentSigned(long petitionId, long personId) {
}
