package org.grassroots.crm.pluginhost.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** A call into plugin code that did not return normally: it threw, it timed out, or the caller was interrupted. */
public final class PluginInvocationFailure extends RuntimeException {

    private final @Nullable Duration timedOutAfter;
    private final boolean callerInterrupted;

    private PluginInvocationFailure(String message, @Nullable Throwable thrown, @Nullable Duration timedOutAfter,
            boolean callerInterrupted) {
        super(message, thrown);
        this.timedOutAfter = timedOutAfter;
        this.callerInterrupted = callerInterrupted;
    }

    static PluginInvocationFailure threw(Throwable thrown) {
        return new PluginInvocationFailure("plugin code threw " + thrown, thrown, null, false);
    }

    static PluginInvocationFailure timedOut(Duration timeBox) {
        return new PluginInvocationFailure("plugin code did not answer within " + seconds(timeBox), null, timeBox,
                false);
    }

    static PluginInvocationFailure interrupted() {
        return new PluginInvocationFailure("the call was interrupted", null, null, true);
    }

    /** What the plugin code threw, or {@code null} when it timed out or the caller was interrupted. */
    public @Nullable Throwable thrown() {
        return getCause();
    }

    public boolean callerInterrupted() {
        return callerInterrupted;
    }

    /**
     * The failure in words for an admin, about {@code subject} (such as {@code start()} or {@code extension 'x'}):
     * "… threw IllegalStateException: boom", "… did not answer within 30 s", or a {@link PluginFault}'s own reason.
     */
    public String reason(String subject) {
        if (timedOutAfter != null) {
            return subject + " did not answer within " + seconds(timedOutAfter);
        }
        if (callerInterrupted) {
            return subject + " was interrupted";
        }
        Throwable thrown = getCause();
        return thrown instanceof PluginFault ? thrown.getMessage() : subject + " threw " + PluginFault.describe(thrown);
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s"
                : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
