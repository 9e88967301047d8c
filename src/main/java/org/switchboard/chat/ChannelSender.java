package org.switchboard.chat;

import org.switchboard.contact.Channel;

/**
 * Hands an agent's reply to a channel provider (SMS gateway, Facebook or Instagram messaging). One
 * bean per channel; a bean of this type for a channel replaces the built-in one, which only records
 * the message as sent. Throwing means "not delivered": the outbox retries with back-off.
 */
public interface ChannelSender {

    Channel channel();

    void send(OutgoingMessage message) throws Exception;

    record OutgoingMessage(long messageId, long contactId, Channel channel, String recipient, String body) {
    }
}
