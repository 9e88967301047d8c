package org.switchboard.common;

import java.util.function.Consumer;

/**
 * Carries what a node's feeds hand to their screens to the other app nodes (over Redis pub/sub when
 * Redis is configured, see docs/cluster.md; on a single node it only delivers locally). A feed
 * registers each kind of event once, under a topic of its own, and publishes through what it gets
 * back, after commit; every node then delivers the event to its screens exactly as a local one.
 * Events are small records of ids and values (sent as JSON); screens reload what they show from the
 * database, so the order in which two nodes' events arrive does not matter.
 */
public interface ClusterRelay {

    /**
     * @param topic    names the kind of event on the wire ("dashboard", "chat"); one registration per topic
     * @param type     the event's record type
     * @param deliver  hands an event to this node's screens: the node's own events and the other nodes' alike.
     *                 It must not block (screens pass events on with {@code ui.access} or a coalesced refresh)
     * @param afterGap runs when this node may have missed other nodes' events (it was cut off from Redis for
     *                 a while): the feed makes its open screens reload from the database
     * @return what the feed calls after commit to publish an event here and on every other node
     */
    <T> Consumer<T> register(String topic, Class<T> type, Consumer<? super T> deliver, Runnable afterGap);
}
