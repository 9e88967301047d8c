package org.switchboard.demo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Demo mode is {@code switchboard.demo} when set; otherwise on with the embedded database and off
 * with an external one.
 */
class DemoModeCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        Boolean explicit = env.getProperty("switchboard.demo", Boolean.class);
        if (explicit != null) {
            return explicit;
        }
        String url = env.getProperty("spring.datasource.url");
        return url == null || url.isBlank() || "embedded".equals(url);
    }
}
