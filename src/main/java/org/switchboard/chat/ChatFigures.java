package org.switchboard.chat;

import java.time.Duration;

/**
 * A chat queue's live figures about replies, for chats assigned to agents.
 *
 * @param awaitingAgent          chats whose customer waits for the agent's reply
 * @param awaitingCustomer       chats waiting for the customer's reply
 * @param longestAgentReplyWait  the longest a customer of an assigned chat has waited for the agent's reply
 */
public record ChatFigures(int awaitingAgent, int awaitingCustomer, Duration longestAgentReplyWait) {

    public static final ChatFigures NONE = new ChatFigures(0, 0, Duration.ZERO);
}
