package org.grassroots.crm.pluginhost.adapter;

import java.util.List;
import java.util.Optional;

import org.grassroots.crm.people.SystemSubscriptions;
import org.grassroots.crm.plugin.api.supporters.EmailStatus;
import org.grassroots.crm.plugin.api.supporters.LedgerEntry;
import org.grassroots.crm.plugin.api.supporters.LedgerOutcome;
import org.grassroots.crm.plugin.api.supporters.StatusChange;
import org.grassroots.crm.plugin.api.supporters.SubscriptionLedger;
import org.grassroots.crm.pluginhost.PluginPortSource;
import org.grassroots.crm.pluginhost.PluginScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link SubscriptionLedger} port over the people feature's {@link SystemSubscriptions}, which applies the
 * protection rule and writes history rows like a staff change, with {@code plugin:<id>:<source>} as the source.
 * Each write and each read of the history runs in a transaction of its own, also when called from inside another
 * port's (for example while streaming supporters), so it commits at once and never holds the ledger lock for long.
 */
@Component
class SubscriptionLedgerPort implements PluginPortSource<SubscriptionLedger> {

    private final SystemSubscriptions subscriptions;
    private final SupporterPortMapper mapper;
    private final TransactionTemplate ownTransaction;

    SubscriptionLedgerPort(SystemSubscriptions subscriptions, SupporterPortMapper mapper,
            PlatformTransactionManager transactions) {
        this.subscriptions = subscriptions;
        this.mapper = mapper;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Class<SubscriptionLedger> portType() {
        return SubscriptionLedger.class;
    }

    @Override
    public SubscriptionLedger forPlugin(PluginScope scope) {
        return new Ledger(scope.pluginId());
    }

    private final class Ledger implements SubscriptionLedger {

        private final String pluginId;

        Ledger(String pluginId) {
            this.pluginId = pluginId;
        }

        @Override
        public Optional<EmailStatus> status(String email) {
            Optional<EmailStatus> known = subscriptions.status(email).map(mapper::toEmailStatus);
            if (known.isPresent()) {
                return known;
            }
            return subscriptions.isErased(email) ? Optional.of(EmailStatus.ERASED) : Optional.empty();
        }

        @Override
        public LedgerOutcome record(StatusChange change) {
            return recordAll(List.of(change)).getFirst();
        }

        @Override
        public List<LedgerOutcome> recordAll(List<StatusChange> changes) {
            if (changes.isEmpty()) {
                return List.of();
            }
            var reports = changes.stream().map(change -> mapper.toReport(change, pluginId)).toList();
            return ownTransaction.execute(status -> subscriptions.apply(reports)).stream().map(mapper::toOutcome)
                    .toList();
        }

        @Override
        public List<LedgerEntry> changesSince(long sequence, int limit) {
            return ownTransaction.execute(status -> subscriptions.changesSince(sequence, limit)).stream()
                    .map(mapper::toEntry).toList();
        }
    }
}
