package org.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.switchboard.MutableClock;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.productivity.ProductivityService;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.Role;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;

/** Every endpoint of /api/v1 and every error code, through the real filter chain. */
@SwitchboardTest
class IntegrationApiTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    ApiKeyService keys;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    MutableClock clock;
    @Autowired
    ProductivityService productivity;

    MockMvc mvc;
    String key;
    QueueInfo queue;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        key = SystemUser.call(() -> keys.create(RoutingFixture.unique("test client"), "test")).plainKey();
        queue = fixture.queue(QueueKind.CALL, 0, 30);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + key));
    }

    ResultActions createCall(String idempotencyKey, String body) throws Exception {
        MockHttpServletRequestBuilder request = post("/api/v1/contacts").contentType(MediaType.APPLICATION_JSON).content(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return call(request);
    }

    String callJson(String address) {
        return """
                {"queue": "%s", "type": "INBOUND_CALL", "channel": "VOICE", "customerName": "Ada", "customerAddress": "%s"}"""
                .formatted(queue.name(), address);
    }

    int contactsInQueue() {
        return jdbc.sql("SELECT COUNT(*) FROM contact WHERE queue_id = ?").param(queue.id()).query(Integer.class).single();
    }

    @Test
    void prometheusMetricsAreForAKeyWithTheMetricsScopeOnly() throws Exception {
        String scraper = SystemUser.call(() -> keys.create(RoutingFixture.unique("scraper"), "test",
                java.util.Set.of(ApiScope.METRICS))).plainKey();
        String reader = SystemUser.call(() -> keys.create(RoutingFixture.unique("reader"), "test",
                java.util.Set.of(ApiScope.READ))).plainKey();

        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + scraper))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("switchboard_dashboard_change_shown_seconds")))
                .andExpect(content().string(containsString("hikaricp_connections_active")));
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + reader))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("METRICS")));
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/queues").header("Authorization", "Bearer " + scraper)).andExpect(status().isForbidden());
    }

    @Test
    void withoutAValidKeyTheApiAnswers401() throws Exception {
        mvc.perform(get("/api/v1/queues")).andExpect(status().isUnauthorized())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(containsString("Bearer")));
        mvc.perform(get("/api/v1/queues").header("Authorization", "Bearer sb_not_a_real_key_at_all"))
                .andExpect(status().isUnauthorized());
        long id = jdbc.sql("SELECT id FROM api_key WHERE key_hash = ?").param(ApiKeyService.hash(key)).query(Long.class).single();
        SystemUser.run(() -> keys.revoke(id));
        call(get("/api/v1/queues")).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").value(containsString("revoked")));
    }

    @Test
    void createsAContactAndARetryWithTheSameKeyReturnsTheFirst() throws Exception {
        String body = createCall("call-123", callJson("+1 555 0100")).andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/contacts/")))
                .andExpect(jsonPath("$.state").value("QUEUED"))
                .andExpect(jsonPath("$.customerAddress").value("+15550100"))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));

        createCall("call-123", callJson("+1 555 0100")).andExpect(jsonPath("$.id").value(id))
                .andExpect(header().string("Idempotent-Replayed", "true"));
        assertThat(contactsInQueue()).isEqualTo(1);

        createCall("call-123", callJson("+1 555 0199")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("different request")));
        assertThat(contactsInQueue()).isEqualTo(1);

        call(get("/api/v1/contacts/" + id)).andExpect(status().isOk()).andExpect(jsonPath("$.queue").value(queue.name()));
        call(get("/api/v1/contacts/987654321")).andExpect(status().isNotFound());
        call(get("/api/v1/contacts/abc")).andExpect(status().isBadRequest());
    }

    @Test
    void badInputIsA400WithAClearMessageAndStoresNothing() throws Exception {
        createCall(null, callJson("12ab")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("not a phone number")));
        createCall(null, callJson("+15550100").replace(queue.name(), "Nowhere")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("no queue named 'Nowhere'")));
        createCall(null, callJson("+15550100").replace("INBOUND_CALL", "FAX")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("'FAX' is not a valid type")));
        createCall(null, "{not json").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("not valid JSON")));
        createCall(null, "{\"queue\": \"" + queue.name() + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("type and channel")));
        assertThat(contactsInQueue()).isZero();
    }

    @Test
    void oversizeTextAndBodiesAre413() throws Exception {
        String chat = fixture.queue(QueueKind.CHAT, 0, 0).name();
        createCall(null, """
                {"queue": "%s", "type": "CHAT", "channel": "WEBCHAT", "customerAddress": "web-1", "text": "%s"}"""
                .formatted(chat, "x".repeat(2001))).andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.detail").value(containsString("2001 characters")));
        createCall(null, "{\"queue\": \"" + "y".repeat(70_000) + "\"}").andExpect(status().isContentTooLarge());
    }

    @Test
    void hangUpEndsAWaitingCallAndTwiceIsAConflict() throws Exception {
        String body = createCall(null, callJson("+15550100")).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
        call(post("/api/v1/contacts/" + id + "/hangup")).andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("ABANDONED"));
        call(post("/api/v1/contacts/" + id + "/hangup")).andExpect(status().isConflict());
    }

    @Test
    void listsQueues() throws Exception {
        call(get("/api/v1/queues")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == '%s')].kind", queue.name()).value("CALL"));
        createCall(null, callJson("+15550100")).andExpect(status().isCreated());
        call(get("/api/v1/queues/" + queue.id() + "/metrics")).andExpect(status().isOk())
                .andExpect(jsonPath("$.waiting").value(1)).andExpect(jsonPath("$.totalToday").value(1))
                .andExpect(jsonPath("$.serviceLevel").value(-1.0));
        call(get("/api/v1/queues/987654321/metrics")).andExpect(status().isNotFound());
    }

    @Test
    void anAgentIsDrivenThroughTheApi() throws Exception {
        UserSummary agent = fixture.user(Role.AGENT);
        transaction.executeWithoutResult(tx -> jdbc.sql("INSERT INTO queue_assignment (queue_id, user_id, role) VALUES (?, ?, 'AGENT')")
                .params(queue.id(), agent.id()).update());
        String agentPath = "/api/v1/agents/" + agent.username();

        call(put(agentPath + "/status").contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\": \"READY\", \"queues\": [\"" + queue.name() + "\"]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("READY"));
        call(put(agentPath + "/status").contentType(MediaType.APPLICATION_JSON).content("{\"action\": \"PAUSE\", \"pauseReason\": \"Nap\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("no pause reason 'Nap'")));
        call(get(agentPath + "/status")).andExpect(jsonPath("$.queues[0].state").value("READY"));

        long gone = idOf(createCall(null, callJson("+15550100")));
        call(get("/api/v1/contacts/" + gone)).andExpect(jsonPath("$.state").value("OFFERED")).andExpect(jsonPath("$.agent").value(agent.username()));
        // The caller hangs up while it rings: accepting now is a conflict.
        call(post("/api/v1/contacts/" + gone + "/hangup")).andExpect(status().isOk());
        call(post(agentPath + "/offers/" + gone + "/accept")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("no longer yours")));

        long id = idOf(createCall(null, callJson("+15550100")));
        call(post(agentPath + "/offers/" + id + "/accept")).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("CONNECTED"));
        call(post(agentPath + "/contacts/" + id + "/end")).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("WRAP_UP"));
        call(post(agentPath + "/wrap-up/end")).andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("HANDLED"));
        call(post(agentPath + "/wrap-up/end")).andExpect(status().isConflict());

        call(get("/api/v1/agents/admin/status")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("not an active agent")));
        call(get("/api/v1/agents/nobody-here/status")).andExpect(status().isNotFound());
    }

    ResultActions ringLine(String line, String idempotencyKey, String body) throws Exception {
        MockHttpServletRequestBuilder request = post("/api/v1/lines/" + line + "/calls").contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return call(request);
    }

    int nonQueueCallsAnsweredToday(UserSummary agent) {
        return RoutingFixture.as(agent, () -> productivity.today(agent.id(), productivity.currentDay())).today().nonQueueCallsAnswered();
    }

    @Test
    void aCallDialedToAnAgentsLineRingsThatAgentIsAnsweredAndEndedAndCountsAsANonQueueCall() throws Exception {
        UserSummary agent = fixture.readyAgents(1, queue).getFirst();
        String line = RoutingFixture.uniqueLine();
        fixture.giveLines(agent, "2" + line.substring(1), line);
        String agentPath = "/api/v1/agents/" + agent.username();
        assertThat(nonQueueCallsAnsweredToday(agent)).isZero();

        String grace = "{\"customerName\": \"Grace\", \"customerAddress\": \"+1 555 0142\"}";
        long id = idOf(ringLine(line, "direct-1", grace).andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/contacts/")))
                .andExpect(jsonPath("$.type").value("DIRECT_CALL_IN")).andExpect(jsonPath("$.state").value("OFFERED"))
                .andExpect(jsonPath("$.queue").doesNotExist())
                .andExpect(jsonPath("$.agent").value(agent.username()))
                .andExpect(jsonPath("$.line").doesNotExist())
                .andExpect(jsonPath("$.customerAddress").value("+15550142")));
        ringLine(line, "direct-1", grace).andExpect(jsonPath("$.id").value(id))
                .andExpect(header().string("Idempotent-Replayed", "true"));
        ringLine(line, "direct-1", grace.replace("0142", "0143")).andExpect(status().isConflict());
        assertThat(contactsOf(agent)).as("a retry rings once").isEqualTo(1);

        call(post(agentPath + "/offers/" + id + "/accept")).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("CONNECTED"));
        // The agent is on the phone: a second call to its line is missed at once.
        ringLine(line, null, "{}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("ENDED")).andExpect(jsonPath("$.outcome").value("MISSED"));
        call(post(agentPath + "/contacts/" + id + "/end")).andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("HANDLED"));
        assertThat(nonQueueCallsAnsweredToday(agent)).as("the answered one, not the missed one").isEqualTo(1);
    }

    @Test
    void aCallToALineNobodyOrSeveralAgentsHaveOrWithBadInputRingsNobody() throws Exception {
        UserSummary first = fixture.readyAgents(1, queue).getFirst();
        UserSummary second = fixture.readyAgents(1, queue).getFirst();
        UserSummary supervisor = fixture.user(Role.SUPERVISOR);
        String shared = RoutingFixture.uniqueLine();
        String supervisors = RoutingFixture.uniqueLine();
        String own = RoutingFixture.uniqueLine();
        fixture.giveLines(first, shared, own);
        fixture.giveLines(second, shared);
        fixture.giveLines(supervisor, supervisors);

        ringLine(RoutingFixture.uniqueLine(), null, "{}").andExpect(status().isNotFound())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(containsString("No user has the line")));
        ringLine(supervisors, null, "{}").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("not an active agent's")));
        ringLine(shared, null, "{}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("several agents")));
        ringLine("12,34", null, "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("not an extension")));
        ringLine(own, null, "{\"customerAddress\": \"12ab\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("not a phone number")));
        ringLine(own, null, "{not json").andExpect(status().isBadRequest());
        String chatsOnly = SystemUser.call(() -> keys.create(RoutingFixture.unique("chat channel"), "test",
                java.util.Set.of(ApiScope.CHATS))).plainKey();
        mvc.perform(post("/api/v1/lines/" + own + "/calls").header("Authorization", "Bearer " + chatsOnly)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        assertThat(contactsOf(first) + contactsOf(second)).as("bad input rings nobody").isZero();
    }

    int contactsOf(UserSummary agent) {
        return jdbc.sql("SELECT COUNT(*) FROM contact WHERE agent_id = ?").param(agent.id()).query(Integer.class).single();
    }

    static long idOf(ResultActions created) throws Exception {
        String body = created.andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
    }

    @Test
    void aKeyThatSendsTooFastGets429WithRetryAfter() throws Exception {
        org.springframework.mock.web.MockHttpServletResponse refused = null;
        int sent = 0;
        while (refused == null && sent < 200) {
            var response = call(get("/api/v1/queues")).andReturn().getResponse();
            sent++;
            if (response.getStatus() == 429) {
                refused = response;
            }
        }
        assertThat(refused).as("refused within the burst of 40 plus what refilled").isNotNull();
        assertThat(sent).isGreaterThan(40);
        assertThat(refused.getHeader("Retry-After")).isNotBlank();
        assertThat(refused.getContentAsString()).contains("Too many requests");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
    }
}
