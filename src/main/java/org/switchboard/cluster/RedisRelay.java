package org.switchboard.cluster;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.switchboard.common.ClusterRelay;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Relays the feeds' events over one Redis pub/sub channel. Publishing happens on a thread of its own,
 * so a slow or lost Redis never holds up the transaction that made the change; arriving events are
 * delivered on another single thread, in the order they came, never on Lettuce's I/O thread. A node
 * knows its own echo by its node id and drops it. Lettuce reconnects and subscribes again by itself
 * after a loss; each subscription after the first is a gap in the stream, so every feed then makes its
 * screens reload from the database. Redis down: a WARN once, health "redis" DOWN, screens of this node
 * still follow this node's changes.
 */
class RedisRelay implements ClusterRelay, MessageListener, SubscriptionListener, DisposableBean {

    static final String CHANNEL = "switchboard:events";
    private static final Logger log = LoggerFactory.getLogger(RedisRelay.class);
    /** Events waiting to be published while Redis is slow; beyond that they are dropped (the other nodes resync on reconnect). */
    private static final int BACKLOG = 10_000;

    /** What travels: which node sent it, the feed's topic and the event as JSON. */
    record Envelope(String node, String topic, JsonNode event) {
    }

    private record Topic<T>(Class<T> type, Consumer<? super T> deliver, Runnable afterGap) {

        void deliver(JsonMapper json, JsonNode event) {
            deliver.accept(json.treeToValue(event, type));
        }
    }

    private final RedisConnectionFactory redis;
    private final JsonMapper json;
    private final String nodeId;
    private final Map<String, Topic<?>> topics = new ConcurrentHashMap<>();
    private final List<Runnable> gapListeners = new CopyOnWriteArrayList<>();
    private final ExecutorService publisher = singleThread("cluster-publish");
    private final ExecutorService receiver = singleThread("cluster-receive");
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private volatile RedisConnection subscription;
    private volatile boolean subscribed;
    private volatile boolean reachable = true;
    private volatile String lastProblem;

    RedisRelay(RedisConnectionFactory redis, JsonMapper json, String nodeId) {
        this.redis = redis;
        this.json = json;
        this.nodeId = nodeId;
    }

    String nodeId() {
        return nodeId;
    }

    @Override
    public <T> Consumer<T> register(String topic, Class<T> type, Consumer<? super T> deliver, Runnable afterGap) {
        if (topics.putIfAbsent(topic, new Topic<>(type, deliver, afterGap)) != null) {
            throw new IllegalStateException("The cluster topic '" + topic + "' is registered twice");
        }
        gapListeners.add(afterGap);
        return event -> {
            deliver.accept(event);
            send(topic, event);
        };
    }

    private void send(String topic, Object event) {
        byte[] message = json.writeValueAsBytes(new Envelope(nodeId, topic, json.valueToTree(event)));
        try {
            publisher.execute(() -> publish(message));
        } catch (RejectedExecutionException full) {
            if (dropped.getAndIncrement() == 0) {
                log.warn("Redis does not keep up: events of this node are dropped; the other nodes reload their screens when it is back");
            }
        }
    }

    private void publish(byte[] message) {
        try (RedisConnection connection = redis.getConnection()) {
            connection.publish(CHANNEL.getBytes(StandardCharsets.UTF_8), message);
        } catch (RuntimeException e) {
            lost(e);
        }
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        received.incrementAndGet();
        byte[] body = message.getBody();
        try {
            receiver.execute(() -> receive(body));
        } catch (RejectedExecutionException stopping) {
            // The node is shutting down, or far behind: screens reload after the next gap at the latest.
        }
    }

    private void receive(byte[] body) {
        try {
            Envelope envelope = json.readValue(body, Envelope.class);
            if (nodeId.equals(envelope.node())) {
                return; // our own echo: its screens already heard of it
            }
            Topic<?> topic = topics.get(envelope.topic());
            if (topic != null) {
                topic.deliver(json, envelope.event());
            }
        } catch (RuntimeException e) {
            log.warn("An event from another node could not be delivered", e);
        }
    }

    /** Each (re)subscription may follow a gap in the stream: every feed reloads its screens from the database. */
    @Override
    public void onChannelSubscribed(byte[] channel, long count) {
        boolean resubscribed = subscribed;
        subscribed = true;
        if (resubscribed) {
            log.info("Subscribed to Redis again: the open screens of this node reload from the database");
        }
        try {
            receiver.execute(() -> gapListeners.forEach(RedisRelay::runQuietly));
        } catch (RejectedExecutionException stopping) {
            // shutting down
        }
    }

    private static void runQuietly(Runnable refresh) {
        try {
            refresh.run();
        } catch (RuntimeException e) {
            log.warn("Reloading screens after a gap in the cluster stream failed", e);
        }
    }

    /**
     * Watches Redis: subscribes when there is no subscription yet (Redis was down at start), and says so once
     * in the log when Redis is lost and when it is back. Lettuce re-subscribes an existing subscription itself.
     */
    @Scheduled(fixedDelayString = "${switchboard.cluster.check-interval:2s}", initialDelay = 0)
    void check() {
        try (RedisConnection connection = redis.getConnection()) {
            connection.ping();
            if (subscription == null) {
                RedisConnection subscribing = redis.getConnection();
                subscribing.subscribe(this, CHANNEL.getBytes(StandardCharsets.UTF_8));
                subscription = subscribing;
            }
            if (!reachable) {
                reachable = true;
                log.info("Redis is reachable again (node {})", nodeId);
            }
        } catch (RuntimeException e) {
            lost(e);
        }
    }

    private void lost(RuntimeException e) {
        lastProblem = e.getMessage();
        if (reachable) {
            reachable = false;
            log.warn("Redis is unreachable ({}): screens of node {} follow only this node's changes until it is back",
                    e.getMessage(), nodeId);
        }
    }

    Health health() {
        if (reachable && subscription != null) {
            return Health.up().withDetail("node", nodeId).withDetail("eventsReceived", received.get()).build();
        }
        return Health.down().withDetail("node", nodeId).withDetail("error", String.valueOf(lastProblem)).build();
    }

    @Override
    public void destroy() {
        publisher.shutdown();
        receiver.shutdown();
        RedisConnection current = subscription;
        if (current != null) {
            try {
                current.close();
            } catch (RuntimeException e) {
                log.debug("Closing the Redis subscription failed", e);
            }
        }
    }

    private static ExecutorService singleThread(String name) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(BACKLOG),
                runnable -> {
                    Thread thread = new Thread(runnable, name);
                    thread.setDaemon(true);
                    return thread;
                });
    }
}
