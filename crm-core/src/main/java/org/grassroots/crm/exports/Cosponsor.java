package org.grassroots.crm.exports;

/** A partner co-sponsoring a petition, and the notice its signers saw beside the co-sponsor checkbox. */
public record Cosponsor(long petitionId, long partnerId, String partnerName, String noticeText) {
}
