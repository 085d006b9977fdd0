package org.grassroots.crm.people;

/**
 * Merge {@code duplicateId} into {@code survivorId}, keeping for names, address and source the value chosen field by
 * field. E-mails, phones, tags, notes, subscription history and every other feature's data move to the survivor.
 */
public record MergeRequest(long survivorId, long duplicateId, MergeChoice names, MergeChoice address,
        MergeChoice source) {

    public MergeRequest {
        names = names == null ? MergeChoice.SURVIVOR : names;
        address = address == null ? MergeChoice.SURVIVOR : address;
        source = source == null ? MergeChoice.SURVIVOR : source;
    }

    public static MergeRequest keepSurvivorValues(long survivorId, long duplicateId) {
        return new MergeRequest(survivorId, duplicateId, MergeChoice.SURVIVOR, MergeChoice.SURVIVOR,
                MergeChoice.SURVIVOR);
    }
}
