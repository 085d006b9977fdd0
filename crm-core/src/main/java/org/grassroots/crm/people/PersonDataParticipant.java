package org.grassroots.crm.people;

import java.util.List;
import java.util.Map;

/**
 * A feature that keeps data about people (donations, volunteering …) and must follow when two people are merged,
 * when a person is erased, and when a person asks for their data. Each call runs inside the people feature's
 * transaction, so a failure rolls the whole merge or erasure back.
 */
public interface PersonDataParticipant {

    /** Name of this feature's section in a subject-access export, e.g. {@code "donations"}. */
    String section();

    /** Moves everything recorded for {@code fromPersonId} to {@code intoPersonId} (the merge survivor). */
    void moveAll(long fromPersonId, long intoPersonId);

    /** Removes or unlinks this feature's personal data about the person (GDPR erasure). */
    void erase(long personId);

    /** This feature's data about the person for a subject-access export: plain values, lists and maps only. */
    List<Map<String, Object>> export(long personId);
}
