package org.grassroots.crm.people;

import java.util.List;

/**
 * A feature that contributes entries to a supporter's timeline (donations, volunteer shifts, signatures …).
 * Implementations are Spring beans in their own feature; the people feature collects them all, so people never
 * depends on the features that contribute.
 */
public interface TimelineSource {

    /**
     * The entries for one person, newest first, at most {@code limit}. Called inside a read-only transaction with the
     * signed-in user's security context; an implementation leaves out what that user may not see.
     */
    List<TimelineEntry> entriesFor(long personId, int limit);
}
