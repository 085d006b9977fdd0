package org.grassroots.crm.jobs.internal;

import java.util.List;
import java.util.Optional;

import org.grassroots.crm.jobs.JobHandler;
import org.grassroots.crm.jobs.JobHandlerSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Finds the handler of a job type when a job runs: first among the {@link JobHandler} beans, then from every
 * {@link JobHandlerSource} (plugins), so a type that appears after start-up is found too. Looked up lazily, so a
 * handler may itself depend on the job service.
 */
@Component
class JobHandlers {

    private final ObjectProvider<JobHandler> handlers;
    private final ObjectProvider<JobHandlerSource> sources;

    JobHandlers(ObjectProvider<JobHandler> handlers, ObjectProvider<JobHandlerSource> sources) {
        this.handlers = handlers;
        this.sources = sources;
    }

    Optional<JobHandler> forType(String type) {
        List<JobHandler> beans = handlers.orderedStream().filter(handler -> type.equals(handler.type())).toList();
        if (beans.size() > 1) {
            throw new IllegalStateException("Job type '" + type + "' has " + beans.size() + " handlers: "
                    + beans.stream().map(handler -> handler.getClass().getName()).toList());
        }
        if (!beans.isEmpty()) {
            return Optional.of(beans.getFirst());
        }
        return sources.orderedStream().map(source -> source.handlerFor(type)).flatMap(Optional::stream).findFirst();
    }
}
