package org.grassroots.crm.jobs.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.jobs.JobRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Records a job and adds its run, in one transaction: the caller's, if it has one. */
@Component
public class JobSubmitter {

    static final int MAX_PARAMETERS = 50;
    static final int MAX_PARAMETER_LENGTH = 2000;

    private final JobStore store;
    private final JobExecutions executions;
    private final Clock clock;

    JobSubmitter(JobStore store, JobExecutions executions, Clock clock) {
        this.store = store;
        this.executions = executions;
        this.clock = clock;
    }

    @Transactional
    public long submit(JobRequest request, String requestedBy, @Nullable String scheduleId,
            @Nullable Instant scheduledFor) {
        validate(request);
        long id = store.insert(request.type().trim(), request.title().trim(), request.parameters(), requestedBy,
                scheduleId, scheduledFor);
        store.appendLog(id, List.of(scheduleId == null ? "Submitted by " + requestedBy
                : "Submitted by schedule " + scheduleId));
        executions.runSoon(id, clock.instant());
        return id;
    }

    /** @throws InvalidInputException naming the part of the request that is wrong */
    public static void validate(JobRequest request) {
        if (request.type() == null || request.type().isBlank() || request.type().trim().length() > 200) {
            throw new InvalidInputException("type", "A job needs a type of 1 to 200 characters.");
        }
        if (request.title() == null || request.title().isBlank() || request.title().trim().length() > 300) {
            throw new InvalidInputException("title", "A job needs a title of 1 to 300 characters.");
        }
        if (request.parameters().size() > MAX_PARAMETERS) {
            throw new InvalidInputException("parameters", "A job takes at most " + MAX_PARAMETERS
                    + " parameters; this one has " + request.parameters().size() + ".");
        }
        for (Map.Entry<String, String> parameter : request.parameters().entrySet()) {
            if (parameter.getKey().isBlank() || parameter.getValue().length() > MAX_PARAMETER_LENGTH) {
                throw new InvalidInputException("parameters", "Parameter '" + parameter.getKey()
                        + "' needs a name and a value of at most " + MAX_PARAMETER_LENGTH + " characters.");
            }
        }
    }
}
