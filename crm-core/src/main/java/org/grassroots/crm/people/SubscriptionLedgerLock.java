package org.grassroots.crm.people;

import org.grassroots.crm.people.internal.SubscriptionLedgerSql;
import org.springframework.stereotype.Component;

/**
 * The ledger's shared lock, for other features' bulk paths that write subscription history in SQL of their own (a
 * petition import). Such a transaction must take it before its first history row; see {@link SubscriptionLedgerSql}.
 */
@Component
public class SubscriptionLedgerLock {

    private final SubscriptionLedgerSql ledger;

    SubscriptionLedgerLock(SubscriptionLedgerSql ledger) {
        this.ledger = ledger;
    }

    /** Takes the lock shared until the caller's transaction ends. */
    public void lockForWriting() {
        ledger.lockForWriting();
    }
}
