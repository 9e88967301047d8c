package org.switchboard.metrics;

import java.time.Duration;

import org.switchboard.queue.QueueKind;

/**
 * The live figures of one queue as docs/architecture.md ("Queue figures") defines them; "today" is the calendar day in the server's
 * zone. Figures that do not apply to the queue's kind are zero.
 *
 * @param waiting          calls not yet answered (QUEUED or OFFERED); for chats the unassigned ones; for
 *                         campaigns the undialed entries
 * @param longestWait      how long the oldest of those has waited
 * @param averageHandle    talk plus wrap-up of contacts handled today
 * @param serviceLevel     answered within the threshold / (answered + abandoned after it + timed out), 0..1,
 *                         or -1 when nothing counted yet today
 * @param averageSpeedOfAnswer mean wait of calls answered today
 * @param abandonRate      abandoned / contacts ended today, 0..1
 * @param openChats        chats assigned to agents right now
 * @param dialedShare      campaigns: share of today's entries dialed, 0..1
 * @param chatsAwaitingAgent    assigned chats whose customer waits for the agent's reply
 * @param chatsAwaitingCustomer assigned chats waiting for the customer's reply
 * @param longestAgentReplyWait the longest a customer of an assigned chat has waited for the agent's reply
 */
public record QueueMetrics(long queueId, String queueName, QueueKind kind, int waiting, int agentsLoggedIn,
        Duration longestWait, Duration averageHandle, int totalToday, int handledToday, int abandonedToday,
        int timedOutToday, int incompleteToday, double serviceLevel, Duration averageSpeedOfAnswer, double abandonRate,
        int openChats, double dialedShare, int chatsAwaitingAgent, int chatsAwaitingCustomer,
        Duration longestAgentReplyWait) {

    /** Chats waiting on an agent's response: the unassigned ones and the assigned ones owing a reply. */
    public int chatsWaitingOnAgents() {
        return waiting + chatsAwaitingAgent;
    }
}
