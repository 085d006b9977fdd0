package org.grassroots.crm.jobs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.jobs.internal.JobExecutions;
import org.grassroots.crm.jobs.internal.JobStore;
import org.grassroots.crm.jobs.internal.JobSubmitter;
import org.grassroots.crm.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Background jobs: submit one, watch it, cancel it. Jobs run on whichever instance picks them up (see ADR 0005).
 * Everyone sees the jobs they started; admins see all of them.
 */
@Service
public class JobService {

    /** The most jobs one {@link #recent} call returns. */
    public static final int MAX_RECENT = 200;
    static final String TARGET = "job";
    static final String SYSTEM = "system";

    private final JobSubmitter submitter;
    private final JobStore store;
    private final JobExecutions executions;
    private final AuditLog audit;

    JobService(JobSubmitter submitter, JobStore store, JobExecutions executions, AuditLog audit) {
        this.submitter = submitter;
        this.store = store;
        this.executions = executions;
        this.audit = audit;
    }

    /**
     * Queues a job, requested by the signed-in user (or {@code system} when nobody is signed in). Whether the user may
     * start this kind of job is for the calling feature's service to decide. Joins the caller's transaction: if that
     * rolls back, the job never existed.
     *
     * @return the job's id
     * @throws InvalidInputException naming the part of the request that is wrong
     */
    @Transactional
    public long submit(JobRequest request) {
        return submitter.submit(request, currentUser().orElse(SYSTEM), null, null);
    }

    /**
     * Cancels a job, for the user who started it or an admin. A job that has not started (or waits to retry) is
     * cancelled at once; a running one is asked to stop and ends as cancelled when its handler next checks. A job
     * that has already ended is left as it is.
     *
     * @throws InvalidInputException when there is no such job
     * @throws AccessDeniedException when the job is somebody else's and the user is not an admin
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void cancel(long id) {
        JobSummary job = store.lock(id).orElseThrow(() -> new InvalidInputException("id", "No job #" + id + "."));
        String user = currentUser().orElseThrow();
        if (!visible(job)) {
            throw new AccessDeniedException("Only the person who started job #" + id + " or an admin may cancel it.");
        }
        if (!job.state().isActive() || job.cancelRequested()) {
            return;
        }
        if (job.state() == JobState.RUNNING) {
            store.requestCancel(id);
            store.appendLog(id, List.of("Cancel requested by " + user));
        } else {
            store.finish(id, JobState.CANCELLED, null);
            store.requestCancel(id);
            executions.removeRun(id);
            store.appendLog(id, List.of("Cancelled by " + user + " before it ran"));
        }
        audit.record(AuditEntry.of(AuditAction.JOB_CANCELLED, TARGET, id,
                Map.of("type", job.type(), "state", job.state().name())));
    }

    /** The job, if it exists and the user may see it. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<JobSummary> find(long id) {
        return store.find(id).filter(this::visible);
    }

    /** The newest jobs the user may see (all for an admin, else their own), newest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<JobSummary> recent(int limit) {
        int capped = Math.max(0, Math.min(limit, MAX_RECENT));
        if (isAdmin()) {
            return store.recent(null, capped);
        }
        String user = currentUser().orElseThrow();
        return user.equals(SYSTEM) ? List.of() : store.recent(user, capped);
    }

    /** The job's log, oldest line first (the newest {@value JobStore#LOG_LINES_KEPT} lines are kept). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<JobLogLine> log(long id) {
        return find(id).map(job -> store.log(id)).orElse(List.of());
    }

    /** An admin sees every job; anyone else the jobs they started (never the system's, whatever their name). */
    private boolean visible(JobSummary job) {
        return isAdmin() || currentUser().filter(user -> !user.equals(SYSTEM))
                .filter(job.requestedBy()::equals).isPresent();
    }

    private static Optional<String> currentUser() {
        Authentication authentication = authentication();
        return authentication == null ? Optional.empty() : Optional.ofNullable(authentication.getName());
    }

    private static boolean isAdmin() {
        Authentication authentication = authentication();
        return authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(Role.ADMIN.authority()::equals);
    }

    private static @Nullable Authentication authentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken) ? authentication : null;
    }
}
