package org.switchboard.contact;

/**
 * A contact arriving from outside: a call, a callback request or a chat.
 *
 * @param queue           the queue's name
 * @param customerAddress phone number for voice and SMS, a handle for other chat channels
 */
public record NewContact(String queue, ContactType type, Channel channel, String customerName, String customerAddress) {
}
