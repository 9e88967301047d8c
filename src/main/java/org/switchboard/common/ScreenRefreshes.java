package org.switchboard.common;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/** Makes the {@link CoalescedRefresh}es of screens, all loading on the context's screen-refresh pool. */
@Component
public class ScreenRefreshes {

    private final TaskScheduler scheduler;

    ScreenRefreshes(@Qualifier(BackgroundExecutors.SCREEN_REFRESH) TaskScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * @param what names what is refreshed, for the log when a load fails ("the dashboard of agent 7")
     */
    public <T> CoalescedRefresh<T> coalesced(String what, long delayMillis, Supplier<T> load, Consumer<T> apply) {
        return new CoalescedRefresh<>(scheduler, what, delayMillis, load, apply);
    }
}
