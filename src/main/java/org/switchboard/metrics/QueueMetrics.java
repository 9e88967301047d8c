package org.switchboard.metrics;

import java.time.Duration;

import org.switchboard.queue.QueueKind;

/**
 * The live figures of one queue as docs/architecture.md ("Queue figures") defines them, in the three
 * parts the screens read: what waits now (every card), today's contacts (call and campaign cards, the
 * drill-down) and the chats' load on agents (chat cards). "Today" is the calendar day in the server's
 * zone. Figures that do not apply to the queue's kind are zero; the API reads them all.
 */
public record QueueMetrics(long queueId, String queueName, QueueKind kind, Now now, Today today, Chats chats) {

    /**
     * What waits and who is there, right now.
     *
     * @param waiting     calls not yet answered (QUEUED or OFFERED); for chats the unassigned ones; for
     *                    campaigns the undialed entries
     * @param longestWait how long the oldest of those has waited
     */
    public record Now(int waiting, int agentsLoggedIn, Duration longestWait) {
    }

    /**
     * Today's contacts: how many, how they ended, and what follows from that.
     *
     * @param averageHandle        talk plus wrap-up of contacts handled today
     * @param serviceLevel         answered within the threshold / (answered + abandoned after it + timed out),
     *                             0..1, or -1 when nothing counted yet today
     * @param averageSpeedOfAnswer mean wait of calls answered today
     * @param abandonRate          abandoned / contacts ended today, 0..1
     * @param dialedShare          campaigns: share of today's entries dialed, 0..1
     */
    public record Today(int total, int handled, int abandoned, int timedOut, int incomplete, Duration averageHandle,
            double serviceLevel, Duration averageSpeedOfAnswer, double abandonRate, double dialedShare) {
    }

    /**
     * Chats assigned to agents, right now.
     *
     * @param open                  chats assigned to agents
     * @param awaitingAgent         assigned chats whose customer waits for the agent's reply
     * @param awaitingCustomer      assigned chats waiting for the customer's reply
     * @param longestAgentReplyWait the longest a customer of an assigned chat has waited for the agent's reply
     */
    public record Chats(int open, int awaitingAgent, int awaitingCustomer, Duration longestAgentReplyWait) {
    }

    /** Chats waiting on an agent's response: the unassigned ones and the assigned ones owing a reply. */
    public int chatsWaitingOnAgents() {
        return now.waiting() + chats.awaitingAgent();
    }
}
