package org.grassroots.crm.jobs;

import java.time.Instant;

/** One line of a job's log. */
public record JobLogLine(Instant loggedAt, String line) {
}
