package org.switchboard.common;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Turns a burst of pushed changes into one load and one repaint, at most one per
 * {@code delayMillis}: a request after a quiet spell loads at once, a request within
 * {@code delayMillis} of the last load waits for the rest of that time, and requests arriving
 * meanwhile ride along. The load runs on a background thread, as the signed-in user, and the result
 * is applied in {@code ui.access}. The database is never read inside {@code access}. Made by
 * {@link ScreenRefreshes}, which hands it the Spring context's pool.
 * <p>
 * One refresh never loads twice at once: a request that arrives while a load runs is scheduled when
 * that load has handed its result to {@code ui.access}. Two loads side by side could finish in either
 * order on a busy machine, and the older data, applied last, would stay on screen with no change left
 * to correct it; one at a time, the screen's updates are applied in the order they were loaded.
 */
public final class CoalescedRefresh<T> {

    private static final Logger log = LoggerFactory.getLogger(CoalescedRefresh.class);
    private final TaskScheduler scheduler;
    private final String what;
    private final Supplier<T> load;
    private final Consumer<T> apply;
    private final long delayMillis;
    /** A load is scheduled and has not started yet. Guarded by {@code this}, as are the fields below. */
    private boolean queued;
    /** A load runs now; a request meanwhile is scheduled when it ends. */
    private boolean loading;
    /** The screen and user of the latest request. */
    private UI ui;
    private Authentication user;
    /** When the last load started (System.nanoTime), or long ago. */
    private long lastLoad = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

    CoalescedRefresh(TaskScheduler scheduler, String what, long delayMillis, Supplier<T> load, Consumer<T> apply) {
        this.scheduler = scheduler;
        this.what = what;
        this.load = load;
        this.apply = apply;
        this.delayMillis = delayMillis;
    }

    /** Asks for a refresh of {@code ui}, loading as {@code user} (the screen's signed-in user, or null). */
    public synchronized void request(UI ui, Authentication user) {
        this.ui = ui;
        this.user = user;
        if (queued) {
            return;
        }
        queued = true;
        if (!loading) {
            schedule();
        }
    }

    /** Schedules the queued load, after the rest of {@code delayMillis} since the last one. Called holding {@code this}. */
    private void schedule() {
        long wait = Math.max(0, lastLoad + TimeUnit.MILLISECONDS.toNanos(delayMillis) - System.nanoTime());
        try {
            scheduler.schedule(this::run, scheduler.getClock().instant().plus(Duration.ofNanos(wait)));
        } catch (TaskRejectedException stopping) {
            queued = false;
            log.info("Not refreshing {}: the application is stopping", what);
        }
    }

    private void run() {
        UI target;
        Authentication as;
        synchronized (this) {
            queued = false;
            loading = true;
            lastLoad = System.nanoTime();
            target = ui;
            as = user;
        }
        try {
            T fresh = as(as, load);
            target.access(() -> apply.accept(fresh));
        } catch (UIDetachedException closed) {
            // The screen closed while its data loaded: nobody is left to show it to.
        } catch (RuntimeException e) {
            log.warn("Refreshing {} failed; the screen shows older data until the next change", what, e);
        } finally {
            synchronized (this) {
                loading = false;
                if (queued) {
                    schedule();
                }
            }
        }
    }

    private static <T> T as(Authentication user, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(user);
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
