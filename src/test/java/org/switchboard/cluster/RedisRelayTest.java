package org.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.lettuce.core.ClientOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes' relays on a Redis of the test's own ({@link TestRedis}): an event published
 * on one node is delivered on the other exactly once, the node's own echo is dropped, and a lost
 * subscription (Redis kills the connection) is a gap after which the feeds reload their screens.
 */
class RedisRelayTest {

    record Probe(long contactId, String preview) {
    }

    private static TestRedis redis;
    private final List<LettuceConnectionFactory> factories = new CopyOnWriteArrayList<>();
    private final List<RedisRelay> relays = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startRedis() throws Exception {
        redis = TestRedis.start(Path.of("target/redis-relay-test"));
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    @BeforeEach
    @AfterEach
    void closeNodes() {
        relays.forEach(RedisRelay::destroy);
        relays.clear();
        factories.forEach(LettuceConnectionFactory::destroy);
        factories.clear();
    }

    private RedisRelay node(String id) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redis.port()),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2))
                        .clientOptions(ClientOptions.builder()
                                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build())
                        .build());
        factory.afterPropertiesSet();
        factory.start();
        factories.add(factory);
        RedisRelay relay = new RedisRelay(factory, JsonMapper.builder().build(), id + "-" + System.nanoTime());
        relays.add(relay);
        return relay;
    }

    @Test
    void anEventOfOneNodeReachesTheOtherOnceAndItsOwnScreensOnce() {
        RedisRelay a = node("a");
        RedisRelay b = node("b");
        List<Probe> onA = new CopyOnWriteArrayList<>();
        List<Probe> onB = new CopyOnWriteArrayList<>();
        Consumer<Probe> publishOnA = a.register("probe", Probe.class, onA::add, () -> { });
        b.register("probe", Probe.class, onB::add, () -> { });
        a.check();
        b.check();
        await().atMost(Duration.ofSeconds(10)).until(() -> a.health().getStatus().getCode().equals("UP")
                && b.health().getStatus().getCode().equals("UP"));

        publishOnA.accept(new Probe(42, "Hi, where is my order?"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !onB.isEmpty());
        assertThat(onB).containsExactly(new Probe(42, "Hi, where is my order?"));
        // The node's own screens heard it at once; its echo from Redis is dropped, not delivered twice.
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> onA.size() == 1 && onB.size() == 1);
    }

    @Test
    void aLostSubscriptionIsAGapAfterWhichScreensReload() throws Exception {
        RedisRelay b = node("b");
        AtomicInteger reloads = new AtomicInteger();
        b.register("probe", Probe.class, probe -> { }, reloads::incrementAndGet);
        b.check();
        await().atMost(Duration.ofSeconds(10)).until(() -> reloads.get() == 1);

        // Redis drops every pub/sub connection, as when it restarts; Lettuce reconnects and subscribes again.
        Process kill = new ProcessBuilder("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(redis.port()), "CLIENT", "KILL", "TYPE", "pubsub")
                .redirectErrorStream(true).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> reloads.get() >= 2);
        assertThat(b.health().getStatus().getCode()).isEqualTo("UP");
    }

    @Test
    void withRedisUnreachableTheNodeStillServesItsOwnScreensAndSaysRedisIsDown() {
        LettuceConnectionFactory nowhere = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
        nowhere.afterPropertiesSet();
        nowhere.start();
        factories.add(nowhere);
        RedisRelay alone = new RedisRelay(nowhere, JsonMapper.builder().build(), "alone");
        relays.add(alone);
        List<Probe> shown = new CopyOnWriteArrayList<>();
        Consumer<Probe> publish = alone.register("probe", Probe.class, shown::add, () -> { });

        alone.check();
        publish.accept(new Probe(7, "still here"));

        assertThat(shown).containsExactly(new Probe(7, "still here"));
        assertThat(alone.health().getStatus().getCode()).isEqualTo("DOWN");
    }
}
