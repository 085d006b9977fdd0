package org.grassroots.crm.pluginhost;

/**
 * The work done with an extension inside the fault barrier of {@link PluginCalls}.
 *
 * @param <E> the extension point
 * @param <R> the result
 */
@FunctionalInterface
public interface PluginFunction<E, R> {

    R apply(E extension) throws Exception;
}
