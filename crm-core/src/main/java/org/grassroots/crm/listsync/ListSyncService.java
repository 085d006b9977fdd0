package org.grassroots.crm.listsync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.jobs.JobRequest;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.listsync.internal.EmailListProviders;
import org.grassroots.crm.listsync.internal.ListProvider;
import org.grassroots.crm.listsync.internal.ListSyncEngine;
import org.grassroots.crm.listsync.internal.ListSyncJob;
import org.grassroots.crm.listsync.internal.ListSyncSql;
import org.grassroots.crm.plugin.api.PluginUnavailableException;
import org.grassroots.crm.plugin.api.email.ConnectionCheck;
import org.grassroots.crm.plugin.api.email.EmailListProvider;
import org.grassroots.crm.security.Role;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mail list sync for staff: the lists of the started plugins, their connection check, the plan (what a sync would
 * send now), starting a dry run or a sync as a background job, and the runs with their failures. Organizers and
 * admins only. A list is named by its key, {@code <plugin id>:<extension id>}.
 */
@Service
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME})
public class ListSyncService {

    /** The most runs or failures one call returns. */
    public static final int MAX_ROWS = 500;
    static final String TARGET = "email-list";

    private final EmailListProviders lists;
    private final ListSyncEngine engine;
    private final ListSyncSql sql;
    private final JobService jobs;
    private final AuditLog audit;

    ListSyncService(EmailListProviders lists, ListSyncEngine engine, ListSyncSql sql, JobService jobs,
            AuditLog audit) {
        this.lists = lists;
        this.engine = engine;
        this.sql = sql;
        this.jobs = jobs;
        this.audit = audit;
    }

    /**
     * The lists of the started plugins, by key, each with its newest run. A plugin that fails while answering is
     * left out (the Plugins screen shows it as failed, with the reason).
     */
    @Transactional(readOnly = true)
    public List<SyncList> lists() {
        List<SyncList> found = new ArrayList<>();
        for (ListProvider list : lists.started()) {
            try {
                found.add(new SyncList(list.key(), list.pluginId(), list.extensionId(), list.displayName(),
                        list.call("sourceLabel", EmailListProvider::sourceLabel),
                        list.call("isConfigured", EmailListProvider::isConfigured), list.syncCron(),
                        sql.runs(list.key(), 1).stream().findFirst().orElse(null)));
            } catch (PluginUnavailableException e) {
                // failed just now; no longer a list
            }
        }
        return found;
    }

    /**
     * Checks the list's saved settings against the provider.
     *
     * @throws InvalidInputException ({@code list}) when no started plugin has the list
     */
    public ConnectionCheck testConnection(String listKey) {
        return list(listKey).call("testConnection", EmailListProvider::testConnection);
    }

    /**
     * What a sync would send now, counted in one query (seconds at a million supporters; for a screen, prefer
     * {@link #startSync startSync(key, true)}, which counts it in the background and records it).
     *
     * @throws InvalidInputException ({@code list}) when no started plugin has the list, or its segment names a
     *                               petition that does not exist
     */
    public SyncPlan plan(String listKey) {
        ListProvider list = list(listKey);
        try {
            return engine.plan(list);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("segment", e.getMessage());
        }
    }

    /**
     * Starts a sync, or a dry run that only counts the plan, as a background job; audited.
     *
     * @return the job's id, to follow on the Jobs screen
     * @throws InvalidInputException ({@code list}) when no started plugin has the list or it is not configured
     */
    @Transactional
    public long startSync(String listKey, boolean dryRun) {
        ListProvider list = list(listKey);
        if (!list.call("isConfigured", EmailListProvider::isConfigured)) {
            throw new InvalidInputException("list", list.displayName() + " is not configured yet; fill in its "
                    + "settings on the Plugins screen.");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(ListSyncJob.LIST, listKey);
        parameters.put(ListSyncJob.DRY_RUN, Boolean.toString(dryRun));
        long jobId = jobs.submit(new JobRequest(ListSyncJob.TYPE,
                (dryRun ? "Dry run: sync " : "Sync ") + list.displayName() + " (" + listKey + ")", parameters));
        audit.record(AuditEntry.of(AuditAction.LIST_SYNC_STARTED, TARGET, listKey,
                Map.of("jobId", jobId, "dryRun", dryRun)));
        return jobId;
    }

    /** The list's newest runs, newest first. */
    @Transactional(readOnly = true)
    public List<SyncRun> runs(String listKey, int limit) {
        return sql.runs(listKey, Math.max(0, Math.min(limit, MAX_ROWS)));
    }

    /** The members a run could not send, with the provider's reasons. */
    @Transactional(readOnly = true)
    public List<SyncFailure> failures(long runId, int limit) {
        return sql.failures(runId, Math.max(0, Math.min(limit, MAX_ROWS)));
    }

    private ListProvider list(String listKey) {
        return lists.find(listKey == null ? "" : listKey).orElseThrow(() -> new InvalidInputException("list",
                "No started plugin offers the list " + listKey + "; enable its plugin on the Plugins screen."));
    }
}
