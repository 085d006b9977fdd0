package org.grassroots.crm.pluginhost;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.grassroots.crm.plugin.api.PluginUnavailableException;
import org.grassroots.crm.plugin.api.jobs.JobCancelledException;
import org.grassroots.crm.pluginhost.internal.LivePlugin;
import org.grassroots.crm.pluginhost.internal.PluginHost;
import org.grassroots.crm.pluginhost.internal.PluginInvocationFailure;
import org.jspecify.annotations.Nullable;
import org.pf4j.PluginClassLoader;
import org.springframework.stereotype.Service;

/**
 * How every feature finds plugin extensions and calls them: behind a fault barrier. Each call runs with the
 * plugin's class loader as the thread's context class loader. A call that throws (anything but an exception the
 * caller declared as an expected answer), or that does not return within its time box, marks the plugin failed
 * with the reason, takes it out of use, audits it, and throws {@link PluginUnavailableException} to the caller; the
 * application and the other plugins carry on. Calling into a plugin that is not running throws that exception at
 * once.
 *
 * <p>Time-boxed calls run on a virtual thread with the caller's security context, so ports see the caller's roles,
 * but not the caller's transaction. The default time box is {@code crm.plugins.call-timeout}.
 *
 * <p>A {@link JobCancelledException} thrown by the plugin always reaches the caller unchanged.
 */
@Service
public class PluginCalls {

    private final PluginHost host;

    PluginCalls(PluginHost host) {
        this.host = host;
    }

    /** The started extensions implementing {@code point}, by plugin id and then extension id. */
    public <E> List<PluginExtension<E>> extensions(Class<E> point) {
        List<PluginExtension<E>> found = new ArrayList<>();
        for (LivePlugin plugin : host.live()) {
            for (LivePlugin.LiveExtension extension : plugin.extensions()) {
                if (point.isInstance(extension.instance())) {
                    found.add(new PluginExtension<>(plugin.pluginId(), extension.id(), extension.displayName(),
                            point.cast(extension.instance())));
                }
            }
        }
        found.sort(Comparator.comparing((PluginExtension<E> e) -> e.pluginId()).thenComparing(e -> e.extensionId()));
        return found;
    }

    /** One started extension by plugin and extension id, if it is running and implements {@code point}. */
    public <E> Optional<PluginExtension<E>> extension(Class<E> point, String pluginId, String extensionId) {
        return extensions(point).stream()
                .filter(e -> e.pluginId().equals(pluginId) && e.extensionId().equals(extensionId)).findFirst();
    }

    /** Why the plugin failed, if it is failed, in words fit for an admin. */
    public Optional<String> failure(String pluginId) {
        return host.failure(pluginId);
    }

    /** Calls an extension within the default time box; any exception fails the plugin. */
    public <E, R> R call(PluginExtension<E> target, String what, PluginFunction<E, R> work) {
        return call(target.pluginId(), target.extension(), what, work);
    }

    /**
     * Calls plugin code within the default time box; any exception fails the plugin.
     *
     * @param pluginId  the plugin the object belongs to
     * @param extension an extension, or another object the plugin handed out (such as an export writer)
     * @param what      what is being done, for the failure reason, for example {@code "preview"}
     */
    public <E, R> R call(String pluginId, E extension, String what, PluginFunction<E, R> work) {
        return barrier(pluginId, extension, what, host.timeBox(), null, work);
    }

    /**
     * Calls plugin code within the default time box. An exception of type {@code expected} is one of the
     * extension's documented answers (for example {@code IOException} for a file it cannot read): it reaches the
     * caller unchanged and the plugin keeps running. Anything else fails the plugin.
     */
    public <E, R, X extends Exception> R call(String pluginId, E extension, String what, Class<X> expected,
            PluginFunction<E, R> work) throws X {
        return call(pluginId, extension, what, host.timeBox(), expected, work);
    }

    /**
     * As {@link #call(String, Object, String, Class, PluginFunction)} with a time box of the caller's choosing, for
     * calls known to take long; {@code null} means no time box (the call runs on the calling thread).
     */
    public <E, R, X extends Exception> R call(String pluginId, E extension, String what, @Nullable Duration timeBox,
            Class<X> expected, PluginFunction<E, R> work) throws X {
        return barrier(pluginId, extension, what, timeBox, expected, work);
    }

    /**
     * Calls an extension on the calling thread, without a time box; any exception fails the plugin. For work that
     * must happen on the caller's thread, such as creating a plugin's Vaadin component while the UI is locked.
     */
    public <E, R> R callOnThisThread(PluginExtension<E> target, String what, PluginFunction<E, R> work) {
        return barrier(target.pluginId(), target.extension(), what, null, null, work);
    }

    /**
     * Calls plugin code as part of a background job: no time box (the job is cancelled through its
     * {@link org.grassroots.crm.plugin.api.jobs.JobContext}), runs on the job's thread, and every exception is the
     * job's outcome: it reaches the caller unchanged (the job fails and may be retried) and the plugin keeps
     * running. Only an {@link Error} such as a missing class fails the plugin.
     */
    public <E, R> R callInJob(String pluginId, E extension, String what, PluginFunction<E, R> work) throws Exception {
        return call(pluginId, extension, what, null, Exception.class, work);
    }

    private <E, R, X extends Exception> R barrier(String pluginId, E extension, String what,
            @Nullable Duration timeBox, @Nullable Class<X> expected, PluginFunction<E, R> work) throws X {
        LivePlugin plugin = host.live(pluginId).orElseThrow(() -> notRunning(pluginId));
        ClassLoader owner = extension.getClass().getClassLoader();
        if (owner instanceof PluginClassLoader && owner != plugin.classLoader()) {
            throw new IllegalArgumentException(extension.getClass().getName() + " does not belong to plugin '"
                    + pluginId + "'");
        }
        try {
            return host.invoke(plugin, timeBox, () -> work.apply(extension));
        } catch (PluginInvocationFailure failure) {
            Throwable thrown = failure.thrown();
            if (thrown instanceof JobCancelledException cancelled) {
                throw cancelled;
            }
            if (expected != null && expected.isInstance(thrown)) {
                throw expected.cast(thrown);
            }
            if (failure.callerInterrupted()) {
                throw new PluginUnavailableException(pluginId, "The call into plugin '" + pluginId
                        + "' was interrupted", null);
            }
            String subject = plugin.extension(extension).map(e -> "extension '" + e.id() + "'")
                    .orElse(extension.getClass().getSimpleName());
            String reason = failure.reason(subject) + " (" + what + ")";
            host.fail(pluginId, reason, thrown);
            throw new PluginUnavailableException(pluginId, "Plugin '" + pluginId + "' failed: " + reason, thrown);
        }
    }

    private PluginUnavailableException notRunning(String pluginId) {
        String message = host.failure(pluginId)
                .map(reason -> "Plugin '" + pluginId + "' is not available: " + reason)
                .orElse("Plugin '" + pluginId + "' is not running");
        return new PluginUnavailableException(pluginId, message, null);
    }
}
