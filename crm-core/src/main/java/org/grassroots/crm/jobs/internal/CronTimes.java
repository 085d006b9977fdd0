package org.grassroots.crm.jobs.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.springframework.scheduling.support.CronExpression;

/** Schedules' cron expressions: Spring's six-field syntax ({@code second minute hour day month weekday}) in UTC. */
public final class CronTimes {

    private CronTimes() {
    }

    /**
     * @throws IllegalArgumentException naming the expression when it does not parse or never fires
     */
    public static CronExpression parse(String cron) {
        CronExpression expression;
        try {
            expression = CronExpression.parse(cron == null ? "" : cron.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cron expression '" + cron + "' is not valid: " + e.getMessage()
                    + " (six fields: second minute hour day month weekday, in UTC)", e);
        }
        if (next(expression, Instant.now()).isEmpty()) {
            throw new IllegalArgumentException("Cron expression '" + cron + "' never fires");
        }
        return expression;
    }

    /** The first tick strictly after {@code after}, or empty if there is none. */
    public static Optional<Instant> next(CronExpression expression, Instant after) {
        ZonedDateTime next = expression.next(after.atZone(ZoneOffset.UTC));
        return Optional.ofNullable(next).map(ZonedDateTime::toInstant);
    }
}
