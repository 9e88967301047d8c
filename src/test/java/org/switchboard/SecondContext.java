package org.switchboard;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Another context of the app in the test JVM, on the test profile: a second node, a first start, an app
 * on a restored backup. Starting it installs its own security-context strategy JVM-wide; closing it puts
 * the previous one back, or SystemUser and @WithUserDetails in later tests of this JVM write where the
 * shared test context's method security never reads.
 */
public final class SecondContext implements AutoCloseable {

    private final SecurityContextHolderStrategy previous = SecurityContextHolder.getContextHolderStrategy();
    private final ConfigurableApplicationContext context;

    private SecondContext(String... args) {
        try {
            context = new SpringApplicationBuilder(SwitchboardApplication.class).web(WebApplicationType.SERVLET)
                    .profiles("test").run(args);
        } catch (RuntimeException failedToStart) {
            SecurityContextHolder.setContextHolderStrategy(previous);
            throw failedToStart;
        }
    }

    /** Arguments outrank the test profile, as on a command line. */
    public static SecondContext start(String... args) {
        return new SecondContext(args);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            SecurityContextHolder.setContextHolderStrategy(previous);
        }
    }
}
