package org.switchboard.cluster;

import io.lettuce.core.ClientOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cluster relay: over Redis when Redis is configured ({@link RedisConfigured}), else local only, and
 * then nothing of Redis is used (Spring Boot's Redis beans exist but never connect; its own health
 * indicator is off in application.yml, so a node without Redis never reports it DOWN).
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    @Bean
    @Conditional(RedisConfigured.class)
    RedisRelay clusterRelay(RedisConnectionFactory redis, ObjectProvider<JsonMapper> json, ClusterNode node) {
        return new RedisRelay(redis, json.getIfAvailable(JsonMapper::new), node.id());
    }

    @Bean
    @Conditional(NoRedis.class)
    LocalRelay localRelay() {
        return new LocalRelay();
    }

    /** Health component "redis": DOWN while this node is cut off from the other nodes' events. */
    @Bean
    @Conditional(RedisConfigured.class)
    HealthIndicator redisHealthIndicator(RedisRelay relay) {
        return relay::health;
    }

    /**
     * While Redis is unreachable, commands fail at once instead of queueing for a reconnect: a publish or
     * a health check never waits for the command timeout. Lettuce still reconnects and re-subscribes.
     */
    @Bean
    @Conditional(RedisConfigured.class)
    LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    static class NoRedis extends RedisConfigured {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !super.matches(context, metadata);
        }
    }
}
