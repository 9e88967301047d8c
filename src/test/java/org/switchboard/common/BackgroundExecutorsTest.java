package org.switchboard.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** Screen refreshes load on a pool of the Spring context, which stops with it, and a failed load is logged as a warning. */
@ExtendWith(OutputCaptureExtension.class)
class BackgroundExecutorsTest {

    @Test
    void theScreenRefreshPoolStopsWithTheContext() {
        ScheduledExecutorService pool;
        try (var context = new AnnotationConfigApplicationContext(BackgroundExecutors.class, ScreenRefreshes.class)) {
            pool = context.getBean(BackgroundExecutors.SCREEN_REFRESH, ThreadPoolTaskScheduler.class).getScheduledExecutor();
            assertThat(pool.isShutdown()).isFalse();
        }
        assertThat(pool.isShutdown()).isTrue();
    }

    @Test
    void aFailedLoadIsLoggedAsAWarningNamingWhatFailed(CapturedOutput output) {
        try (var context = new AnnotationConfigApplicationContext(BackgroundExecutors.class, ScreenRefreshes.class)) {
            CoalescedRefresh<String> refresh = context.getBean(ScreenRefreshes.class).coalesced("the figures of queue 7", 0,
                    () -> {
                        throw new IllegalStateException("database gone");
                    }, shown -> {
                    });
            refresh.request(new UI(), null);
            await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains("Refreshing the figures of queue 7 failed"));
        }
        assertThat(output.getOut()).containsPattern("WARN .*Refreshing the figures of queue 7 failed")
                .contains("IllegalStateException: database gone");
    }
}
