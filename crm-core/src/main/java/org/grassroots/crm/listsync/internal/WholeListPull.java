package org.grassroots.crm.listsync.internal;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.grassroots.crm.plugin.api.email.RemoteStatus;
import org.grassroots.crm.plugin.api.email.RemoteStatusChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Pull-back for a provider whose pull lists every member instead of what changed (Mailman deletes a member who leaves
 * and keeps no history): remembers, by hash, the addresses a pull saw, and once the pull has reached its last page
 * names the members the sync pushed as subscribed before the pull began that were on no page. Those left the list,
 * and are reported as unsubscribed at the provider. A pull that stopped early concludes nothing.
 */
@Component
class WholeListPull {

    private final JdbcClient jdbc;

    WholeListPull(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the addresses of one page. */
    void saw(long runId, List<RemoteStatusChange> page) {
        Set<String> hashes = new LinkedHashSet<>();
        page.forEach(change -> hashes.add(ListSyncSql.sha256(change.email())));
        if (!hashes.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO list_sync_pull_seen (run_id, email_sha256)
                    SELECT :run, unnest(:hashes::text[]) ON CONFLICT DO NOTHING""")
                    .param("run", runId).param("hashes", hashes.toArray(String[]::new)).update();
        }
    }

    /**
     * The CRM addresses of members the sync pushed as subscribed before {@code pullStarted} that the completed pull
     * did not show, as unsubscribes at the provider.
     */
    List<RemoteStatusChange> leftTheList(String listKey, long runId, Instant pullStarted, String providerName) {
        return jdbc.sql("""
                SELECT pe.email
                FROM list_sync_member m
                JOIN person_email pe ON pe.person_id = m.person_id
                WHERE m.list_key = :list AND m.subscribed AND m.remote_id IS NOT NULL AND m.pushed_at < :started
                  AND encode(sha256(convert_to(pe.email, 'UTF8')), 'hex') = m.email_sha256
                  AND NOT EXISTS (SELECT 1 FROM list_sync_pull_seen s
                                  WHERE s.run_id = :run AND s.email_sha256 = m.email_sha256)""")
                .param("list", listKey).param("started", java.sql.Timestamp.from(pullStarted)).param("run", runId)
                .query((rs, n) -> new RemoteStatusChange(rs.getString(1), RemoteStatus.UNSUBSCRIBED, pullStarted,
                        "no longer on the " + providerName + " list", null, null))
                .list();
    }

    /** Forgets what the run's pull saw. */
    void clear(long runId) {
        jdbc.sql("DELETE FROM list_sync_pull_seen WHERE run_id = :run").param("run", runId).update();
    }
}
