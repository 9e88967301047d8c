package org.switchboard.common;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The thread pools of background work that is not a {@code @Scheduled} method (those run on Spring
 * Boot's task scheduler). They belong to the Spring context, so they stop when it closes. Not default
 * candidates: Spring Boot's own task scheduler and executor stay in place, and code names the pool it uses.
 */
@Configuration(proxyBeanMethods = false)
class BackgroundExecutors {

    static final String SCREEN_REFRESH = "screenRefreshScheduler";

    /**
     * Loads of pushed screen refreshes: two threads, so a burst of pushes to many open screens takes
     * at most two database connections from the routing engine.
     */
    @Bean(name = SCREEN_REFRESH, defaultCandidate = false)
    ThreadPoolTaskScheduler screenRefreshScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("screen-refresh-");
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }
}
