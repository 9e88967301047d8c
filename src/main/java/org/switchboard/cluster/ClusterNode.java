package org.switchboard.cluster;

import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** This app node's name among the nodes on one database and Redis: {@code switchboard.cluster.node-id}, else a random one. */
@Component
public class ClusterNode {

    private final String id;

    ClusterNode(@Value("${switchboard.cluster.node-id:}") String configured) {
        this.id = StringUtils.hasText(configured) ? configured : UUID.randomUUID().toString().substring(0, 8);
    }

    public String id() {
        return id;
    }
}
