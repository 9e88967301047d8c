package org.switchboard.cluster;

import java.util.function.Consumer;

import org.switchboard.common.ClusterRelay;

/** A single node (no Redis configured): events reach this node's screens only, and there is never a gap. */
class LocalRelay implements ClusterRelay {

    @Override
    public <T> Consumer<T> register(String topic, Class<T> type, Consumer<? super T> deliver, Runnable afterGap) {
        return deliver::accept;
    }
}
