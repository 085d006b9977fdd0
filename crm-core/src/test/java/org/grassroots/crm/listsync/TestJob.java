package org.grassroots.crm.listsync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.plugin.api.jobs.JobContext;

/** A job context for running the engine directly: counters and log kept, cancel on demand. */
public final class TestJob implements JobContext {

    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();
    private final Map<String, String> parameters;
    private volatile boolean cancelled;

    TestJob(Map<String, String> parameters) {
        this.parameters = Map.copyOf(parameters);
    }

    public TestJob() {
        this(Map.of());
    }

    void cancel() {
        cancelled = true;
    }

    public synchronized long count(String counter) {
        return counts.getOrDefault(counter, 0L);
    }

    synchronized List<String> logLines() {
        return List.copyOf(log);
    }

    @Override
    public long jobId() {
        return 0;
    }

    @Override
    public String requestedBy() {
        return "test";
    }

    @Override
    public int attempt() {
        return 1;
    }

    @Override
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public void progress(long done, long total) {
    }

    @Override
    public synchronized void count(String counter, long delta) {
        counts.merge(counter, delta, Long::sum);
    }

    @Override
    public synchronized void log(String message) {
        log.add(message);
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }
}
