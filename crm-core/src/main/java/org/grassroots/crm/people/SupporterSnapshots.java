package org.grassroots.crm.people;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.grassroots.crm.people.internal.CriterionSql;
import org.grassroots.crm.people.internal.PersonHistory;
import org.grassroots.crm.people.internal.SupporterSnapshotSql;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to supporters for systems rather than staff (plugin ports, which run with nobody signed in): contact
 * and location fields and tags, found by id or address, counted, or streamed in id order. Merged-away ids lead to
 * the survivor; erased supporters are not found.
 *
 * <p>There is no role check, because there is no user to check. An architecture test allows only the people feature
 * and {@code pluginhost.adapter} to use this service; staff read supporters through the secured services.
 */
@Service
public class SupporterSnapshots {

    private final SupporterSnapshotSql sql;
    private final PersonHistory history;
    private final PersonCriteria criteria;

    SupporterSnapshots(SupporterSnapshotSql sql, PersonHistory history, PersonCriteria criteria) {
        this.sql = sql;
        this.history = history;
        this.criteria = criteria;
    }

    @Transactional(readOnly = true)
    public Optional<SupporterSnapshot> find(long id) {
        return history.survivorOf(id).flatMap(sql::find);
    }

    /** The supporter who has this address (any of theirs; case and surrounding spaces ignored). */
    @Transactional(readOnly = true)
    public Optional<SupporterSnapshot> findByEmail(String email) {
        String normalised = SystemSubscriptions.normalise(email);
        return normalised.isEmpty() ? Optional.empty() : sql.findByEmail(normalised);
    }

    /** @throws org.grassroots.crm.common.InvalidInputException when a choice names a filter nobody offers */
    @Transactional(readOnly = true)
    public long count(SupporterSelection selection) {
        return sql.count(selection, conditions(selection));
    }

    /**
     * Passes each selected supporter to {@code action}, in id order, from a server-side cursor read in one
     * read-only transaction (a consistent snapshot; keep the action quick, the transaction is open while it runs).
     * An exception from the action stops the stream and propagates.
     *
     * @param changedSince only supporters changed after this instant, or {@code null} for all
     * @return how many supporters were passed to {@code action}
     * @throws org.grassroots.crm.common.InvalidInputException when a choice names a filter nobody offers
     */
    @Transactional(readOnly = true)
    public long forEach(SupporterSelection selection, @Nullable Instant changedSince,
            Consumer<SupporterSnapshot> action) {
        return sql.forEach(selection, conditions(selection), changedSince, action);
    }

    /**
     * The selection as SQL with its parameters, for a set-based statement of another system caller (the list sync's
     * plan); run it in the caller's own statement.
     *
     * @throws org.grassroots.crm.common.InvalidInputException when a choice names a filter nobody offers
     */
    public SupporterSelectionSql selectionSql(SupporterSelection selection) {
        return sql.selectionSql(selection, conditions(selection));
    }

    private List<CriterionSql> conditions(SupporterSelection selection) {
        return criteria.conditions(Set.of(), selection.choices());
    }
}
