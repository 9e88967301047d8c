package org.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.switchboard.SwitchboardTest;
import org.switchboard.common.ClusterRelay;

/** Without Redis configured the app is one node as before: events stay local and no Redis shows in health. */
@SwitchboardTest
class SingleNodeDefaultsTest {

    @Autowired
    ClusterRelay relay;
    @Autowired
    HealthEndpoint health;

    @Test
    void withoutRedisEventsStayOnTheNodeAndHealthKnowsNoRedis() {
        assertThat(relay).isInstanceOf(LocalRelay.class);
        assertThat(health.healthForPath("redis")).isNull();
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
        assertThat(health.healthForPath("node").getStatus().getCode()).isEqualTo("UP");
    }
}
