package org.switchboard.dispatch;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.agent.AgentStatusChanged;
import org.switchboard.contact.ContactChanged;

/**
 * Runs dispatch after a contact starts waiting or an agent becomes free. Bursts coalesce: while a
 * run is going, further signals only ask for one more run. The periodic sweep catches anything missed
 * (for example a change committed on another node). Runs go to Spring Boot's application task
 * executor, one at a time, so they stop with the context.
 */
@Component
@EnableConfigurationProperties(DispatchProperties.class)
class DispatchTrigger {

    private static final Logger log = LoggerFactory.getLogger(DispatchTrigger.class);
    private static final ThreadLocal<Boolean> DISPATCHING = ThreadLocal.withInitial(() -> false);

    private final DispatchService dispatcher;
    private final DispatchProperties properties;
    private final TaskExecutor executor;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    DispatchTrigger(DispatchService dispatcher, DispatchProperties properties,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.dispatcher = dispatcher;
        this.executor = executor;
        this.properties = properties;
    }

    @TransactionalEventListener
    void onContactChanged(ContactChanged event) {
        if (event.waiting() || event.freesChatCapacity()) {
            signal();
        }
    }

    @TransactionalEventListener
    void onAgentStatusChanged(AgentStatusChanged event) {
        if (event.becameAvailable()) {
            signal();
        }
    }

    void signal() {
        if (!properties.async()) {
            runInline();
            return;
        }
        again.set(true);
        if (scheduled.compareAndSet(false, true)) {
            start();
        }
    }

    private void start() {
        try {
            executor.execute(this::runUntilQuiet);
        } catch (TaskRejectedException stopping) {
            scheduled.set(false);
            log.info("Not dispatching: the application is stopping; the sweep of a running node picks the change up");
        }
    }

    private void runUntilQuiet() {
        try {
            while (again.getAndSet(false)) {
                dispatcher.dispatch();
            }
        } catch (RuntimeException e) {
            log.warn("Dispatch failed; the sweep retries", e);
        } finally {
            scheduled.set(false);
            if (again.get() && scheduled.compareAndSet(false, true)) {
                start();
            }
        }
    }

    /** Synchronous mode: a change made while dispatching only asks the running loop to go round again. */
    private void runInline() {
        if (DISPATCHING.get()) {
            again.set(true);
            return;
        }
        DISPATCHING.set(true);
        try {
            do {
                again.set(false);
                dispatcher.dispatch();
            } while (again.get());
        } finally {
            DISPATCHING.set(false);
        }
    }
}
