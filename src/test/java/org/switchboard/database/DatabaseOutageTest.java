package org.switchboard.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;

/**
 * While the database is down the API refuses quickly and plainly (503 problem+json, Retry-After),
 * health says DOWN quickly, and once the database is back (started again, or restarted by the app
 * after a crash) everything works with no restart of the app. Leaves the shared server running.
 */
@SwitchboardTest
class DatabaseOutageTest {

    private static final Duration QUICKLY = Duration.ofSeconds(5);
    /** The pool reconnects on its own schedule, a few seconds after the server is back. */
    private static final Duration RECOVERY = Duration.ofSeconds(15);

    @Autowired
    WebApplicationContext context;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    DatabaseWatch watch;
    /** Demo mode's API key (switchboard.demo.api-key's default), which the test profile's demo mode creates. */
    private static final String API_KEY = "sb_demo_switchboard_local_key";

    MockMvc mvc;
    QueueInfo queue;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        queue = fixture.queue(QueueKind.CALL, 0, 30);
    }

    @Test
    void whileTheDatabaseIsDownTheApiAnswers503AndHealthDownQuicklyThenBothRecover() throws Exception {
        assertThat(createCall("before").getStatus()).isEqualTo(201);

        EmbeddedDatabaseOutage.begin();
        try {
            Timed<MockHttpServletResponse> refused = timed(() -> createCall("during"));
            assertThat(refused.took()).isLessThan(QUICKLY);
            assertThat(refused.result().getStatus()).isEqualTo(503);
            assertThat(refused.result().getContentType()).isEqualTo("application/problem+json");
            assertThat(refused.result().getHeader("Retry-After")).isEqualTo("5");
            assertThat(refused.result().getContentAsString()).contains("database");

            Timed<MockHttpServletResponse> read = timed(() -> mvc.perform(get("/api/v1/queues")
                    .header("Authorization", "Bearer " + API_KEY)).andReturn().getResponse());
            assertThat(read.took()).isLessThan(QUICKLY);
            assertThat(read.result().getStatus()).isEqualTo(503);

            Timed<MockHttpServletResponse> health = timed(() -> mvc.perform(get("/actuator/health")).andReturn().getResponse());
            assertThat(health.took()).isLessThan(QUICKLY);
            assertThat(health.result().getStatus()).isEqualTo(503);
            assertThat(health.result().getContentAsString()).contains("DOWN");

            watch.check();
            assertThat(watch.reachable()).isFalse();
        } finally {
            EmbeddedDatabaseOutage.end();
        }

        await().atMost(RECOVERY).until(() -> createCall("after").getStatus() == 201);
        assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus()).isEqualTo(200);
        watch.check();
        assertThat(watch.reachable()).isTrue();
    }

    @Test
    void aCrashedEmbeddedServerIsStartedAgainAndTheApiServesWithoutAnAppRestart() throws Exception {
        assertThat(createCall("before-crash").getStatus()).isEqualTo(201);
        long crashed = EmbeddedDatabaseOutage.crash();

        // Likely on the pooled connection the crash just cut: the statement and its rollback fail.
        MockHttpServletResponse during = createCall("during-crash");
        assertThat(during.getStatus()).isIn(201, 503);

        EmbeddedDatabaseOutage.awaitRestartAfter(crashed, Duration.ofSeconds(30));
        await().atMost(RECOVERY).until(() -> createCall(RoutingFixture.unique("after-crash")).getStatus() == 201);
    }

    private MockHttpServletResponse createCall(String idempotencyKey) throws Exception {
        return mvc.perform(post("/api/v1/contacts").header("Authorization", "Bearer " + API_KEY)
                .header("Idempotency-Key", RoutingFixture.unique(idempotencyKey))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"queue": "%s", "type": "INBOUND_CALL", "channel": "VOICE", "customerName": "Ada", "customerAddress": "+4155550100"}"""
                        .formatted(queue.name())))
                .andReturn().getResponse();
    }

    private record Timed<T>(T result, Duration took) {
    }

    private interface Call<T> {
        T run() throws Exception;
    }

    private static <T> Timed<T> timed(Call<T> call) throws Exception {
        long started = System.nanoTime();
        T result = call.run();
        return new Timed<>(result, Duration.ofNanos(System.nanoTime() - started));
    }
}
