package org.grassroots.crm.jobs.ui;

import org.grassroots.crm.jobs.JobHandler;
import org.grassroots.crm.plugin.api.jobs.JobContext;
import org.springframework.stereotype.Component;

/**
 * A job type for the screen tests only: {@code steps} steps of {@code stepMillis} each, reporting progress, a counter
 * and a log line per step, and stopping when cancelled; with {@code failAt}, it fails at that step.
 */
@Component
public class UiTestJobs implements JobHandler {

    public static final String TYPE = "ui-test:steps";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void run(JobContext job) throws Exception {
        int steps = Integer.parseInt(job.parameters().get("steps"));
        long stepMillis = Long.parseLong(job.parameters().getOrDefault("stepMillis", "0"));
        for (int step = 1; step <= steps; step++) {
            job.checkCancelled();
            Thread.sleep(stepMillis);
            if (String.valueOf(step).equals(job.parameters().get("failAt"))) {
                throw new IllegalStateException("The list provider refused the request (HTTP 503) at step " + step);
            }
            job.count("rows read", 1);
            if (step % 2 == 0) {
                job.count("rows merged", 1);
            }
            job.log("Step " + step + " done");
            job.progress(step, steps);
        }
    }
}
