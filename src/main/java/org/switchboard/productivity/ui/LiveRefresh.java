package org.switchboard.productivity.ui;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.productivity.ActivityFeed;

/**
 * Reloads a screen's figures when the agent it shows takes a call: a burst of calls is one load, run
 * on the feed's thread as the signed-in user, and the result is applied in {@code ui.access}.
 *
 * @param <T> what the screen shows
 */
final class LiveRefresh<T> {

    private final ActivityFeed feed;
    private final Supplier<Long> liveAgent;
    private final Supplier<T> load;
    private final Consumer<T> apply;
    private final AtomicBoolean queued = new AtomicBoolean();

    /**
     * @param liveAgent the agent whose calls change what is shown, or null while nothing shown can change
     * @param load      loads the figures for what is selected now
     * @param apply     shows them, inside {@code ui.access}
     */
    LiveRefresh(ActivityFeed feed, Supplier<Long> liveAgent, Supplier<T> load, Consumer<T> apply) {
        this.feed = feed;
        this.liveAgent = liveAgent;
        this.load = load;
        this.apply = apply;
    }

    /** Follows the feed until the returned registration is removed (on detach). */
    Registration start(UI ui) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return feed.subscribe(agentId -> {
            if (agentId.equals(liveAgent.get()) && queued.compareAndSet(false, true)) {
                feed.load(() -> {
                    queued.set(false);
                    T fresh = as(user, load);
                    ui.access(() -> apply.accept(fresh));
                });
            }
        });
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
