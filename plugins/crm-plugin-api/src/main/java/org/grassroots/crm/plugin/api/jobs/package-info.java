/**
 * Background work: the {@link org.grassroots.crm.plugin.api.jobs.JobContext} port a plugin reports progress and
 * checks cancellation through, and the {@link org.grassroots.crm.plugin.api.jobs.ScheduledTask} extension point for
 * work run on a cron schedule.
 */
@NullMarked
package org.grassroots.crm.plugin.api.jobs;

import org.jspecify.annotations.NullMarked;
