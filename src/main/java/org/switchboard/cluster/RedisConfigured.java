package org.switchboard.cluster;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Redis is configured when any of Spring Boot's ways of naming a server is set ({@code spring.data.redis.url},
 * {@code .host}, a sentinel master or cluster nodes), or {@code SWITCHBOARD_REDIS_URL} (copied to
 * {@code spring.data.redis.url} by {@link RedisUrlEnvironment}). Without it nothing of the cluster relay starts.
 */
class RedisConfigured implements Condition {

    static final String[] PROPERTIES = {"spring.data.redis.url", "spring.data.redis.host",
            "spring.data.redis.sentinel.master", "spring.data.redis.cluster.nodes[0]", "switchboard.redis-url"};

    static boolean in(Environment environment) {
        for (String property : PROPERTIES) {
            if (StringUtils.hasText(environment.getProperty(property))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return in(context.getEnvironment());
    }
}
