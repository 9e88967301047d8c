package org.switchboard.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.Command;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** A screen's refresh on the context's pool: the newest data is what stays on screen. */
class CoalescedRefreshTest {

    /**
     * A screen that applies what it is handed in the order it is handed, as a Vaadin session runs the
     * commands queued with {@code access} one after the other.
     */
    static final class ScreenInOrder extends UI {

        @Override
        public Future<Void> access(Command command) {
            command.execute();
            return CompletableFuture.completedFuture(null);
        }
    }

    /**
     * On a busy machine a load can take longer than the repaint delay. A load started for a later change
     * must not run beside it: it could finish first, and the older data, applied last, would stay on
     * screen (a call shown ringing that is in wrap-up) with no change left to correct it.
     */
    @Test
    void aChangeDuringASlowLoadIsLoadedAfterItSoTheNewestDataStaysOnScreen() throws Exception {
        try (var context = new AnnotationConfigApplicationContext(BackgroundExecutors.class, ScreenRefreshes.class)) {
            AtomicInteger committed = new AtomicInteger(1);
            AtomicInteger loads = new AtomicInteger();
            CountDownLatch firstLoadRead = new CountDownLatch(1);
            CountDownLatch firstLoadMayEnd = new CountDownLatch(1);
            List<Integer> shown = new CopyOnWriteArrayList<>();
            CoalescedRefresh<Integer> refresh = context.getBean(ScreenRefreshes.class).coalesced("the drill-down of queue 7", 0,
                    () -> {
                        int read = committed.get();
                        if (loads.incrementAndGet() == 1) {
                            firstLoadRead.countDown();
                            hold(firstLoadMayEnd);
                        }
                        return read;
                    }, shown::add);
            UI screen = new ScreenInOrder();

            refresh.request(screen, null);
            assertThat(firstLoadRead.await(5, TimeUnit.SECONDS)).isTrue();
            committed.set(2);
            refresh.request(screen, null);
            refresh.request(screen, null);

            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> loads.get() == 1);
            firstLoadMayEnd.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> shown.size() == 2);
            assertThat(shown).as("the old data first, then the change, once").containsExactly(1, 2);
            assertThat(loads.get()).isEqualTo(2);
        }
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
