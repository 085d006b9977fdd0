package org.grassroots.crm.jobs;

import java.util.Optional;

/**
 * Resolves job types that are not known when the application starts, such as a plugin's scheduled task, which
 * exists only while its plugin is started.
 */
public interface JobHandlerSource {

    /** The handler for {@code type}, or empty if this source does not know it (or its plugin is not started). */
    Optional<JobHandler> handlerFor(String type);
}
