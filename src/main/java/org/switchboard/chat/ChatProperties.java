package org.switchboard.chat;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param meetingUrlTemplate  the meeting room link a chat flips to; {room} becomes a room name of the chat
 * @param maxAttachmentBytes  an image of a message may have at most this many bytes (MMS carriers allow about 1 MB)
 * @param maxAttachments      images one message may carry
 * @param outboxSweepEnabled  deliver queued replies every {@code outboxInterval}; off in tests, which drive it
 * @param outboxInterval      how often queued replies are handed to their channels
 * @param outboxMaxAttempts   a reply that failed this often stays FAILED
 * @param outboxFirstRetry    the wait after the first failure; it doubles with each further one
 * @param webchatBurst        messages a webchat customer may send at once before {@code webchatMessagesPerSecond} applies
 * @param webchatMessagesPerSecond steady rate of messages one webchat customer may send
 * @param webchatStartsBurst  webchats one browser may start at once before {@code webchatStartsPerSecond} applies
 * @param webchatStartsPerSecond steady rate of webchat starts from one browser
 * @param webchatAddressStartsBurst webchats all browsers behind one client address (a company network) may start at
 *                            once before {@code webchatAddressStartsPerSecond} applies
 * @param webchatAddressStartsPerSecond steady rate of webchat starts from one client address
 */
@ConfigurationProperties("switchboard.chat")
public record ChatProperties(
        @DefaultValue("https://meet.jit.si/switchboard-{room}") String meetingUrlTemplate,
        @DefaultValue("1048576") int maxAttachmentBytes,
        @DefaultValue("3") int maxAttachments,
        @DefaultValue("true") boolean outboxSweepEnabled,
        @DefaultValue("2s") Duration outboxInterval,
        @DefaultValue("6") int outboxMaxAttempts,
        @DefaultValue("10s") Duration outboxFirstRetry,
        @DefaultValue("5") int webchatBurst,
        @DefaultValue("1") double webchatMessagesPerSecond,
        @DefaultValue("3") int webchatStartsBurst,
        @DefaultValue("0.05") double webchatStartsPerSecond,
        @DefaultValue("30") int webchatAddressStartsBurst,
        @DefaultValue("0.5") double webchatAddressStartsPerSecond) {
}
