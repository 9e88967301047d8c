package org.switchboard.dashboard;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.UI;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Turns a burst of changes into one load and one repaint: the first request schedules a load on the
 * feed's refresh thread (as the screen's signed-in user, so the services' checks apply) after a
 * short delay; requests until then join it. The result is applied in {@code ui.access}, so no
 * database work happens under the UI lock.
 */
public final class CoalescedRefresh<T> {

    private final DashboardFeed feed;
    private final long delayMillis;
    private final Supplier<T> load;
    private final Consumer<T> apply;
    private final AtomicBoolean queued = new AtomicBoolean();

    public CoalescedRefresh(DashboardFeed feed, long delayMillis, Supplier<T> load, Consumer<T> apply) {
        this.feed = feed;
        this.delayMillis = delayMillis;
        this.load = load;
        this.apply = apply;
    }

    public void request(UI ui, Authentication authentication) {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        feed.later(() -> {
            queued.set(false);
            T fresh = as(authentication, load);
            ui.access(() -> apply.accept(fresh));
        }, delayMillis);
    }

    private static <T> T as(Authentication authentication, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
