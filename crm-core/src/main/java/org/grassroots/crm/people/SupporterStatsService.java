package org.grassroots.crm.people;

import org.grassroots.crm.people.internal.PersonListSql;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Aggregate supporter totals for the dashboard; open to every signed-in role, ANALYST included. */
@Service
public class SupporterStatsService {

    private final PersonListSql sql;

    SupporterStatsService(PersonListSql sql) {
        this.sql = sql;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public SupporterCounts counts() {
        return new SupporterCounts(sql.activeCount(), sql.subscribedCount());
    }
}
