package org.switchboard.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;
import org.switchboard.contact.Channel;

/**
 * The Instagram sender of the tests: it replaces the built-in one, records what it sent and fails
 * as often as a test asks, so the outbox's retries can be watched.
 */
@Component
public class ScriptedInstagramSender implements ChannelSender {

    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final List<OutgoingMessage> sent = new ArrayList<>();
    private final List<OutgoingMessage> attempts = new ArrayList<>();

    @Override
    public Channel channel() {
        return Channel.INSTAGRAM;
    }

    @Override
    public synchronized void send(OutgoingMessage message) {
        attempts.add(message);
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("Instagram is unavailable");
        }
        sent.add(message);
    }

    public void failNext(int times) {
        failuresLeft.set(times);
    }

    public synchronized List<OutgoingMessage> sent() {
        return List.copyOf(sent);
    }

    /** Every message handed over, the failed attempts included. */
    public synchronized List<OutgoingMessage> attempts() {
        return List.copyOf(attempts);
    }
}
