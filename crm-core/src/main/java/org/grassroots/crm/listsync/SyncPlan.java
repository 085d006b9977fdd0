package org.grassroots.crm.listsync;

/**
 * What a sync of one list would send now: the difference between who is eligible (in the list's segment with a
 * subscribed primary address) and what the CRM last sent to the list.
 *
 * @param add         eligible supporters the list does not have yet
 * @param update      eligible members whose address, name, ZIP, state or tags changed since they were sent
 * @param unsubscribe members sent as subscribed who are no longer eligible (left the segment, or no longer
 *                    subscribed in the CRM)
 * @param remove      members whose address the CRM no longer holds (erased, removed, or an import rolled back)
 */
public record SyncPlan(long add, long update, long unsubscribe, long remove) {

    /** Members the sync would send or remove in all. */
    public long total() {
        return add + update + unsubscribe + remove;
    }
}
