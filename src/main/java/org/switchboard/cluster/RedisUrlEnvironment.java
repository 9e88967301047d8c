package org.switchboard.cluster;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * {@code SWITCHBOARD_REDIS_URL} (property {@code switchboard.redis-url}) is a shorthand for Spring Boot's
 * {@code spring.data.redis.url}, which wins when both are set. Registered in META-INF/spring.factories.
 */
class RedisUrlEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("switchboard.redis-url");
        if (StringUtils.hasText(url) && !StringUtils.hasText(environment.getProperty("spring.data.redis.url"))) {
            environment.getPropertySources().addLast(new MapPropertySource("switchboardRedisUrl",
                    Map.of("spring.data.redis.url", url)));
        }
    }
}
