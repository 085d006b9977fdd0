package org.grassroots.crm.ui;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes a view from the server while it is on screen: every period, the view's update runs inside
 * {@link UI#access} (so the signed-in user's security context applies) and Vaadin push sends the changes. One small
 * shared thread serves every open view and never waits for one; a view whose last update has not run yet is skipped
 * that time, so a busy session never piles up updates.
 */
@org.springframework.stereotype.Component
public class LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-updates");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Runs {@code update} every {@code period} while {@code view} is attached; stops when it is detached.
     *
     * @return a registration that stops the updates early
     */
    public Registration whileAttached(Component view, Duration period, Runnable update) {
        Registration[] running = {null};
        Registration onAttach = view.addAttachListener(event -> running[0] = start(event.getUI(), period, update));
        view.getUI().ifPresent(ui -> running[0] = start(ui, period, update));
        Registration onDetach = view.addDetachListener(event -> {
            if (running[0] != null) {
                running[0].remove();
                running[0] = null;
            }
        });
        return () -> {
            onAttach.remove();
            onDetach.remove();
            if (running[0] != null) {
                running[0].remove();
            }
        };
    }

    private Registration start(UI ui, Duration period, Runnable update) {
        AtomicReference<Future<Void>> last = new AtomicReference<>();
        ScheduledFuture<?> task = timer.scheduleWithFixedDelay(() -> {
            Future<Void> previous = last.get();
            if (previous != null && !previous.isDone()) {
                return;
            }
            try {
                last.set(ui.access(update::run));
            } catch (UIDetachedException detached) {
                log.debug("A live update found its view closed");
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> task.cancel(false);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
