package org.switchboard.productivity.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.common.CoalescedRefresh;
import org.switchboard.common.ScreenRefreshes;
import org.switchboard.productivity.ActivityFeed;

/**
 * Reloads a screen's figures when the agent it shows takes a call: a burst of calls is one load, run
 * off the committing thread as the signed-in user (see {@link CoalescedRefresh}), and the result is
 * applied in {@code ui.access}.
 *
 * @param <T> what the screen shows
 */
final class LiveRefresh<T> {

    private static final long DELAY_MILLIS = 150;

    private final ActivityFeed feed;
    private final Supplier<Long> liveAgent;
    private final CoalescedRefresh<T> refresh;

    /**
     * @param what      names the screen, for the log when a load fails
     * @param liveAgent the agent whose calls change what is shown, or null while nothing shown can change
     * @param load      loads the figures for what is selected now
     * @param apply     shows them, inside {@code ui.access}
     */
    LiveRefresh(ActivityFeed feed, ScreenRefreshes refreshes, String what, Supplier<Long> liveAgent, Supplier<T> load,
            Consumer<T> apply) {
        this.feed = feed;
        this.liveAgent = liveAgent;
        this.refresh = refreshes.coalesced(what, DELAY_MILLIS, load, apply);
    }

    /** Follows the feed until the returned registration is removed (on detach). */
    Registration start(UI ui) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return feed.subscribe(callTaken -> {
            if (callTaken.by(liveAgent.get())) {
                refresh.request(ui, user);
            }
        });
    }
}
