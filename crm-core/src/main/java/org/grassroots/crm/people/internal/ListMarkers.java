package org.grassroots.crm.people.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.grassroots.crm.people.PageKey;
import org.grassroots.crm.people.PersonSort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where every {@value #STEP}th row of the unfiltered supporters list sits, per sort order, so a jump deep into the
 * list (a dragged scrollbar) continues from the nearest marker with a short OFFSET instead of walking a million
 * index entries. Markers are computed in the background and renewed when older than {@link #MAX_AGE}; until a
 * set exists a jump uses the plain OFFSET. Between renewals a jump can be off by the rows added or removed since,
 * which the list's estimated size already is; scrolling on from a jump continues by keyset and stays exact.
 */
@Component
public class ListMarkers {

    public static final int STEP = 5_000;
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    /** A marked position for a jump: continue after {@code after}, skipping {@code remainder} more rows. */
    public record Jump(PageKey after, int remainder) {
    }

    private record Markers(Instant computedAt, List<PageKey> keys) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Markers> byOrder = new ConcurrentHashMap<>();
    private final Set<String> renewing = ConcurrentHashMap.newKeySet();
    private final ExecutorService background =
            Executors.newSingleThreadExecutor(Thread.ofVirtual().name("supporter-list-markers").factory());

    ListMarkers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The marker to continue from for {@code offset}, when a current set exists; asks for renewal otherwise. */
    public Optional<Jump> jumpFor(PersonSort sort, boolean descending, int offset) {
        if (offset < STEP) {
            return Optional.empty();
        }
        String order = sort + (descending ? " DESC" : " ASC");
        Markers markers = byOrder.get(order);
        if (markers == null || markers.computedAt().plus(MAX_AGE).isBefore(clock.instant())) {
            renewLater(sort, descending);
        }
        if (markers == null || markers.keys().isEmpty()) {
            return Optional.empty();
        }
        int marker = Math.min(offset / STEP, markers.keys().size());
        return Optional.of(new Jump(markers.keys().get(marker - 1), offset - marker * STEP));
    }

    /** Computes the markers of one order now (the background renewal calls this too). */
    public void renew(PersonSort sort, boolean descending) {
        String direction = descending ? "DESC" : "ASC";
        String key = PersonListSql.sortKey(sort);
        List<PageKey> keys = jdbc.sql("""
                SELECT sort_value, id FROM (
                    SELECT %1$s AS sort_value, p.id, row_number() OVER (ORDER BY %1$s %2$s, p.id %2$s) AS n
                    FROM person p WHERE p.merged_into_id IS NULL AND p.erased_at IS NULL
                ) numbered
                WHERE n %% :step = 0 ORDER BY n
                """.formatted(key, direction))
                .param("step", STEP)
                .query((rs, row) -> {
                    Object value = rs.getObject("sort_value");
                    return new PageKey(value instanceof Timestamp t ? t.toInstant() : value, rs.getLong("id"));
                })
                .list();
        byOrder.put(sort + " " + direction, new Markers(clock.instant(), keys));
    }

    private void renewLater(PersonSort sort, boolean descending) {
        String order = sort + (descending ? " DESC" : " ASC");
        if (renewing.add(order)) {
            background.submit(() -> {
                try {
                    renew(sort, descending);
                } finally {
                    renewing.remove(order);
                }
            });
        }
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
