package org.grassroots.crm.exports.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.grassroots.crm.exports.IllegalExportTransitionException;
import org.grassroots.crm.jobs.JobHandler;
import org.grassroots.crm.jobs.JobRequest;
import org.grassroots.crm.jobs.RecurringJobs;
import org.grassroots.crm.plugin.api.jobs.JobContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The {@code export-expiry-sweep} job, on the schedule {@code crm.exports.sweep-cron}: expires every ready export
 * whose time has come and deletes its file, ends productions whose job died without saying how it ended (wiping
 * their match keys), and deletes any file in the exports folder that no ready export or running production owns
 * (a partial file of a killed job, a file whose deletion failed). Downloads check expiry themselves, so a late sweep
 * only delays the deletion of a file nobody can download.
 */
@Component
public class ExportExpirySweep implements JobHandler {

    static final String TYPE = "export-expiry-sweep";
    private static final Logger log = LoggerFactory.getLogger(ExportExpirySweep.class);

    /** What one sweep did. */
    public record Result(int expired, int abandonedProductions, int filesDeleted) {
    }

    private final ExportProduction production;
    private final ExportRetirement retirement;
    private final ExportProductionSql productions;
    private final ExportFiles files;
    private final ObjectProvider<RecurringJobs> schedules;
    private final ExportsProperties properties;
    private final Clock clock;

    ExportExpirySweep(ExportProduction production, ExportRetirement retirement, ExportProductionSql productions,
            ExportFiles files, ObjectProvider<RecurringJobs> schedules, ExportsProperties properties, Clock clock) {
        this.production = production;
        this.retirement = retirement;
        this.productions = productions;
        this.files = files;
        this.schedules = schedules;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void keepScheduled() {
        RecurringJobs recurring = schedules.getIfAvailable();
        if (recurring == null) {
            return;
        }
        if ("-".equals(properties.sweepCron())) {
            recurring.unschedule(TYPE);
        } else {
            recurring.schedule(TYPE, properties.sweepCron(),
                    new JobRequest(TYPE, "Expire partner exports and delete their files", Map.of()));
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void run(JobContext job) throws IOException {
        Result result = sweep();
        job.count("exports expired", result.expired());
        job.count("abandoned productions ended", result.abandonedProductions());
        job.count("files deleted", result.filesDeleted());
    }

    public Result sweep() throws IOException {
        int expired = 0;
        for (long definitionId : production.dueForExpiry()) {
            try {
                retirement.retire(definitionId, null, "its time ran out");
                expired++;
            } catch (IllegalExportTransitionException e) {
                log.debug("Export #{} ended meanwhile: {}", definitionId, e.getMessage());
            }
        }
        int abandoned = productions.endAbandoned(null, clock.instant().truncatedTo(ChronoUnit.MICROS));
        List<ExportFiles.StoredFile> stored = files.list();
        Set<Long> kept = new HashSet<>(productions.keepingFiles(
                stored.stream().map(ExportFiles.StoredFile::productionId).distinct().toList()));
        int deleted = 0;
        for (ExportFiles.StoredFile file : stored) {
            if (!kept.contains(file.productionId()) && files.delete(file.definitionId(), file.productionId())) {
                deleted++;
            }
        }
        return new Result(expired, abandoned, deleted);
    }
}
