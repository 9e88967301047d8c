package org.switchboard.chat;

import org.switchboard.contact.Channel;

/**
 * Hands an agent's reply to a channel provider (SMS gateway, Facebook or Instagram messaging). One
 * bean per channel; a bean of this type for a channel replaces the built-in one, which only records
 * the message as sent. Throwing means "not delivered": the outbox retries with back-off.
 * <p>
 * A reply is handed over again only when the last attempt threw, or when the node stopped between
 * the send and recording it as sent; a provider drops such a second copy by its {@code deliveryId}
 * (an idempotency key: the same on every attempt of one reply, different for every reply).
 */
public interface ChannelSender {

    Channel channel();

    void send(OutgoingMessage message) throws Exception;

    record OutgoingMessage(long messageId, String deliveryId, long contactId, Channel channel, String recipient, String body) {
    }
}
