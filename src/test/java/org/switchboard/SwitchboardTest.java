package org.switchboard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole app on a real MariaDB (embedded, or {@code TEST_DATABASE_URL}). Every
 * test with this annotation shares one cached Spring context: keep it that way, so the suite stays
 * fast on two cores.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles("test")
@Import({TestConfig.class, RoutingFixture.class, org.switchboard.chat.ScriptedInstagramSender.class})
public @interface SwitchboardTest {
}
