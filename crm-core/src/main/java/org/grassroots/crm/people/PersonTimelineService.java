package org.grassroots.crm.people;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.people.internal.PersonHistory;
import org.grassroots.crm.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One newest-first timeline of everything that happened to a supporter: their own history (added, subscription
 * changes, notes, merges) and whatever every {@link TimelineSource} contributes, read in one transaction.
 */
@Service
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME, Role.VOLUNTEER_COORDINATOR_NAME})
public class PersonTimelineService {

    public static final int LIMIT = 200;
    static final String CREATED = "CREATED";

    private final PersonHistory history;
    private final ObjectProvider<TimelineSource> sources;

    PersonTimelineService(PersonHistory history, ObjectProvider<TimelineSource> sources) {
        this.history = history;
        this.sources = sources;
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(long personId) {
        List<TimelineEntry> entries = new ArrayList<>(history.ownTimeline(personId, LIMIT));
        sources.orderedStream().forEach(source -> entries.addAll(source.entriesFor(personId, LIMIT)));
        return entries.stream()
                .sorted(Comparator.comparing(TimelineEntry::occurredAt).reversed()
                        // what happened in the same instant as the creation happened after it
                        .thenComparing(entry -> CREATED.equals(entry.kind())))
                .limit(LIMIT)
                .toList();
    }
}
