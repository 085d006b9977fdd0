package org.grassroots.crm.listsync.internal;

import java.util.List;
import java.util.Map;

import org.grassroots.crm.jobs.JobRequest;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.people.PersonDataParticipant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The list sync's part in merges, erasures and subject-access exports. After an erasure commits, a removals-only
 * sync job is queued for each list that holds the person, so the address leaves every connected list without waiting
 * for the next sync (which would remove it anyway: the CRM no longer holds the address).
 */
@Component
class ListSyncPersonData implements PersonDataParticipant {

    private final ListSyncSql sql;
    private final JobService jobs;
    private final TransactionTemplate ownTransaction;

    ListSyncPersonData(ListSyncSql sql, JobService jobs, PlatformTransactionManager transactions) {
        this.sql = sql;
        this.jobs = jobs;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public String section() {
        return "emailLists";
    }

    @Override
    public void moveAll(long fromPersonId, long intoPersonId) {
        sql.movePerson(fromPersonId, intoPersonId);
    }

    @Override
    public void erase(long personId) {
        sql.forgetFailures(personId);
        List<String> listKeys = sql.listsOf(personId);
        if (listKeys.isEmpty()) {
            return;
        }
        Runnable submit = () -> listKeys.forEach(key -> jobs.submit(new JobRequest(ListSyncJob.TYPE,
                "Remove an erased supporter from " + key, Map.of(ListSyncJob.LIST, key, ListSyncJob.MODE,
                        ListSyncEngine.Mode.REMOVALS.name(), ListSyncJob.PERSON, Long.toString(personId)))));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    // the erasure's transaction has committed; the jobs need one of their own
                    ownTransaction.executeWithoutResult(status -> submit.run());
                }
            });
        } else {
            submit.run();
        }
    }

    @Override
    public List<Map<String, Object>> export(long personId) {
        return sql.memberships(personId);
    }
}
