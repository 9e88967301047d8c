package org.switchboard.cluster;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * An agent's desk phone on one node's API, as the telephony side drives it: it takes every call offered
 * to the agent, hangs up at once and ends the wrap-up, and while idle says now and then that the agent is
 * there (the heartbeat). It sees its agent's call in the database, as a phone sees it ring.
 */
final class DeskPhone {

    private final String agent;
    private final long agentId;
    private final int node;
    private final Duration heartbeat;
    private final Duration poll;

    /**
     * @param heartbeat how often an idle phone tells the node the agent is there
     * @param poll      the pause between two looks at the agent's call
     */
    DeskPhone(String agent, long agentId, int node, Duration heartbeat, Duration poll) {
        this.agent = agent;
        this.agentId = agentId;
        this.node = node;
        this.heartbeat = heartbeat;
        this.poll = poll;
    }

    /** Works the calls until {@code working} says stop. */
    void run(TwoNodes cluster, BooleanSupplier working) {
        try (Connection db = cluster.database(); Statement sql = db.createStatement()) {
            long lastSeen = 0;
            while (working.getAsBoolean()) {
                String step = null;
                long contact = 0;
                try (ResultSet current = sql.executeQuery("SELECT id, state FROM contact WHERE channel = 'VOICE' AND agent_id = "
                        + agentId + " AND state IN ('OFFERED', 'CONNECTED', 'WRAP_UP') ORDER BY id LIMIT 1")) {
                    if (current.next()) {
                        contact = current.getLong(1);
                        step = current.getString(2);
                    }
                }
                try {
                    if (step == null) {
                        if (System.nanoTime() - lastSeen > heartbeat.toNanos()) {
                            TwoNodes.api(node, "GET", "/agents/" + agent + "/status", null);
                            lastSeen = System.nanoTime();
                        }
                    } else {
                        switch (step) {
                            case "OFFERED" -> TwoNodes.api(node, "POST", "/agents/" + agent + "/offers/" + contact + "/accept", null);
                            case "CONNECTED" -> TwoNodes.api(node, "POST", "/agents/" + agent + "/contacts/" + contact + "/end", null);
                            default -> TwoNodes.api(node, "POST", "/agents/" + agent + "/wrap-up/end", null);
                        }
                    }
                } catch (IOException notTaken) {
                    // The node did not take the request (too busy, or killed): look again, unless told to stop.
                }
                Thread.sleep(poll.toMillis());
            }
        } catch (Exception e) {
            throw new IllegalStateException("The desk phone of " + agent + " failed", e);
        }
    }
}
