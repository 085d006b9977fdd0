package org.grassroots.crm.listsync.internal;

import java.util.Map;

import org.grassroots.crm.jobs.JobHandler;
import org.grassroots.crm.plugin.api.email.EmailListProvider;
import org.grassroots.crm.plugin.api.jobs.JobContext;
import org.springframework.stereotype.Component;

/**
 * The {@code list-sync} background job: a dry run, a sync, or (after an erasure) removals only, of one list. Never
 * retried as a whole: a failed or cancelled sync is started again, by hand or by the next tick of its schedule, and
 * carries on where it stopped.
 */
@Component
public class ListSyncJob implements JobHandler {

    public static final String TYPE = "list-sync";
    public static final String LIST = "listKey";
    public static final String DRY_RUN = "dryRun";
    public static final String MODE = "mode";
    public static final String PERSON = "personId";

    private final EmailListProviders lists;
    private final ListSyncEngine engine;

    ListSyncJob(EmailListProviders lists, ListSyncEngine engine) {
        this.lists = lists;
        this.engine = engine;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void run(JobContext job) throws Exception {
        Map<String, String> p = job.parameters();
        String key = p.get(LIST);
        ListProvider list = lists.find(key).orElseThrow(() -> new IllegalStateException("The list " + key
                + " is not available: its plugin is not running. Enable the plugin and start the sync again."));
        if (!list.call("isConfigured", EmailListProvider::isConfigured)) {
            throw new IllegalStateException(list.displayName() + " (" + key + ") is not configured; fill in its "
                    + "settings on the Plugins screen.");
        }
        if (Boolean.parseBoolean(p.get(DRY_RUN))) {
            engine.dryRun(list, job);
            return;
        }
        ListSyncEngine.Mode mode = p.containsKey(MODE) ? ListSyncEngine.Mode.valueOf(p.get(MODE))
                : ListSyncEngine.Mode.FULL;
        Long personId = p.containsKey(PERSON) ? Long.valueOf(p.get(PERSON)) : null;
        engine.sync(list, mode, personId, job);
    }
}
