package org.switchboard;

import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.common.LockConflictProbe;

@TestConfiguration(proxyBeanMethods = false)
public class TestConfig {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(Instant.now(), ZoneId.systemDefault());
    }

    @Bean
    LockConflictProbe.Inner lockConflictInner() {
        return new LockConflictProbe.Inner();
    }

    @Bean
    LockConflictProbe lockConflictProbe(JdbcClient jdbc, LockConflictProbe.Inner inner) {
        return new LockConflictProbe(jdbc, inner);
    }
}
