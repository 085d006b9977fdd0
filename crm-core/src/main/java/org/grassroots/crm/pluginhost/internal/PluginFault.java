package org.grassroots.crm.pluginhost.internal;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ExecutionException;

import org.jspecify.annotations.Nullable;

/** A plugin problem whose message is already the reason an admin reads, for example "start() threw …". */
final class PluginFault extends RuntimeException {

    PluginFault(String reason) {
        super(reason);
    }

    PluginFault(String reason, @Nullable Throwable cause) {
        super(reason, cause);
    }

    /** What plugin code threw, in a few words: "IllegalStateException: boom". */
    static String describe(Throwable thrown) {
        Throwable cause = thrown;
        while ((cause instanceof InvocationTargetException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof PluginFault) {
            return cause.getMessage();
        }
        // a class the plugin links against but may not have: our class loader's refusal says why
        String message = cause instanceof NoClassDefFoundError && cause.getCause() instanceof ClassNotFoundException
                ? cause.getCause().getMessage() : cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
