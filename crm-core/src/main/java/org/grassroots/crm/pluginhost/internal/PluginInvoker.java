package org.grassroots.crm.pluginhost.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs plugin code with the plugin's class loader as the thread's context class loader, and optionally within a
 * time box. A time-boxed call runs on a fresh virtual thread that carries the caller's security context (ports check
 * the caller's roles); the caller waits at most the time box, then the thread is interrupted and left to end on its
 * own. Nothing here keeps a reference to the plugin once the call is over.
 */
final class PluginInvoker {

    /**
     * @param timeBox how long the caller waits, or {@code null} to run on the calling thread without a limit
     * @throws PluginInvocationFailure when the work threw (also an {@link Error}), the time box passed, or the
     *                                  caller was interrupted while waiting
     */
    <R> R invoke(String pluginId, ClassLoader loader, @Nullable Duration timeBox, Callable<R> work) {
        if (timeBox == null) {
            return withClassLoader(loader, work);
        }
        SecurityContext caller = SecurityContextHolder.getContext();
        FutureTask<R> task = new FutureTask<>(() -> {
            SecurityContextHolder.setContext(caller);
            try {
                return withClassLoader(loader, work);
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        Thread thread = Thread.ofVirtual().name("plugin-" + pluginId).inheritInheritableThreadLocals(false)
                .unstarted(task);
        thread.start();
        try {
            return task.get(timeBox.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw PluginInvocationFailure.timedOut(timeBox);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof PluginInvocationFailure failure ? failure : PluginInvocationFailure.threw(cause);
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw PluginInvocationFailure.interrupted();
        }
    }

    private static <R> R withClassLoader(ClassLoader loader, Callable<R> work) {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(loader);
        try {
            return work.call();
        } catch (Throwable thrown) {
            throw PluginInvocationFailure.threw(thrown);
        } finally {
            current.setContextClassLoader(previous);
        }
    }
}
