package org.switchboard.chat;

import java.util.List;

/**
 * A customer's message as a channel provider's webhook delivers it (SMS/MMS, Facebook, Instagram).
 *
 * @param queue      the chat queue the provider's number or page is routed to
 * @param from       the customer's phone number (SMS) or handle
 * @param messageId  the provider's id of the message; a retried webhook with the same id is stored once
 */
public record InboundMessage(org.switchboard.contact.Channel channel, String queue, String from, String customerName,
        String text, String messageId, List<NewAttachment> attachments) {
}
