package org.switchboard.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events of one node to the UIs that subscribed. Subscribers get events on the publishing
 * thread and must not block: a UI passes them on with {@code ui.access}. The returned
 * {@link Registration} must be removed on detach.
 */
public class Broadcaster<T> {

    private static final Logger log = LoggerFactory.getLogger(Broadcaster.class);
    private final List<Consumer<? super T>> subscribers = new CopyOnWriteArrayList<>();

    public Registration subscribe(Consumer<? super T> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public void publish(T event) {
        for (Consumer<? super T> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                log.warn("A subscriber failed on {}", event, e);
            }
        }
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** Removes a subscription; compatible with Vaadin's own {@code Registration}. */
    @FunctionalInterface
    public interface Registration extends com.vaadin.flow.shared.Registration {
    }
}
