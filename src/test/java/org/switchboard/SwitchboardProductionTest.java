package org.switchboard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * An IT ({@code *IT}, Failsafe) against the app as {@code mvn spring-boot:run} starts it: asynchronous
 * dispatch, the sweep, the chat outbox's sweep, the system clock and demo mode, none of the test
 * profile's overrides. Only where its data lives differs (its own schema, see
 * {@code application-production-path.yml}), so its sweeps never touch the data of the other tests.
 * Every test with this annotation shares this one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("production-path")
@Import(RoutingFixture.class)
public @interface SwitchboardProductionTest {
}
