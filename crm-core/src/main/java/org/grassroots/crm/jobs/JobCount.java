package org.grassroots.crm.jobs;

/** One counter of a job's result table, for example {@code sent = 1200}. */
public record JobCount(String name, long value) {
}
