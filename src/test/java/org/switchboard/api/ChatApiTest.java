package org.switchboard.api;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.SystemUser;

/** Chats through /api/v1: a chat starts with its text, customers write, provider webhooks arrive. */
@SwitchboardTest
class ChatApiTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    ApiKeyService keys;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    String key;
    QueueInfo queue;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        key = SystemUser.call(() -> keys.create(RoutingFixture.unique("chat client"), "test")).plainKey();
        queue = fixture.queue(QueueKind.CHAT, 0, 0);
    }

    ResultActions postJson(String path, String json) throws Exception {
        return mvc.perform(post(path).header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    int messages() {
        return jdbc.sql("SELECT COUNT(*) FROM chat_message").query(Integer.class).single();
    }

    @Test
    void aChatStartsWithItsTextAndTheCustomerWritesMore() throws Exception {
        String created = postJson("/api/v1/contacts", """
                {"queue": "%s", "type": "CHAT", "channel": "FACEBOOK", "customerName": "Ada", "customerAddress": "ada.l", "text": "Hi!"}"""
                .formatted(queue.name())).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
        postJson("/api/v1/contacts/" + id + "/messages", "{\"text\": \"Are you there?\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.direction").value("IN"))
                .andExpect(jsonPath("$.text").value("Are you there?"));
        int before = messages();
        postJson("/api/v1/contacts/" + id + "/messages", "{\"text\": \"\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("empty")));
        postJson("/api/v1/contacts/" + id + "/messages", "{\"text\": \"" + "x".repeat(2001) + "\"}")
                .andExpect(status().isPayloadTooLarge());
        postJson("/api/v1/contacts/" + id + "/hangup", "{}").andExpect(status().isOk());
        postJson("/api/v1/contacts/" + id + "/messages", "{\"text\": \"hello?\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("ended")));
        org.assertj.core.api.Assertions.assertThat(messages()).isEqualTo(before);
    }

    @Test
    void aKeyMayDoOnlyWhatItsScopesAllowOtherRequestsAre403AndChangeNothing() throws Exception {
        String channelsOnly = SystemUser.call(() -> keys.create(RoutingFixture.unique("sms gateway"), "test",
                java.util.EnumSet.of(ApiScope.CHATS))).plainKey();
        QueueInfo calls = fixture.queue(QueueKind.CALL, 0, 0);
        int contacts = jdbc.sql("SELECT COUNT(*) FROM contact").query(Integer.class).single();
        mvc.perform(post("/api/v1/contacts").header("Authorization", "Bearer " + channelsOnly).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"queue": "%s", "type": "INBOUND_CALL", "channel": "VOICE", "customerAddress": "+15550100"}""".formatted(calls.name())))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail").value(containsString("needs the CALLS scope")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/queues")
                .header("Authorization", "Bearer " + channelsOnly)).andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/agents/agent1/status")
                .header("Authorization", "Bearer " + channelsOnly)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("AGENTS")));
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM contact").query(Integer.class).single()).isEqualTo(contacts);
        mvc.perform(post(WebhooksApi.PATH).header("Authorization", "Bearer " + channelsOnly).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"channel": "SMS", "queue": "%s", "from": "+15550177", "messageId": "%s", "text": "Hi"}"""
                        .formatted(queue.name(), RoutingFixture.unique("m")))).andExpect(status().isCreated());
    }

    @Test
    void aCallCarriesNoText() throws Exception {
        QueueInfo calls = fixture.queue(QueueKind.CALL, 0, 0);
        postJson("/api/v1/contacts", """
                {"queue": "%s", "type": "INBOUND_CALL", "channel": "VOICE", "customerAddress": "+15550100", "text": "Hi"}"""
                .formatted(calls.name())).andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("Only a chat")));
    }

    @Test
    void providerWebhooksStartAChatOnceAndAddTheNextMessagesToIt() throws Exception {
        String sms = """
                {"channel": "SMS", "queue": "%s", "from": "+15550199", "customerName": "Linus", "messageId": "%s", "text": "%s",
                 "attachments": %s}""";
        String id1 = RoutingFixture.unique("m");
        postJson(WebhooksApi.PATH, sms.formatted(queue.name(), id1, "Hello", "[]")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.startedChat").value(true));
        postJson(WebhooksApi.PATH, sms.formatted(queue.name(), id1, "Hello", "[]")).andExpect(status().isOk())
                .andExpect(jsonPath("$.duplicate").value(true));
        String png = "[{\"fileName\": \"p.png\", \"data\": \"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==\"}]";
        postJson(WebhooksApi.PATH, sms.formatted(queue.name(), RoutingFixture.unique("m"), "", png)).andExpect(status().isOk())
                .andExpect(jsonPath("$.startedChat").value(false));
        int before = messages();
        postJson(WebhooksApi.PATH, sms.formatted(queue.name(), RoutingFixture.unique("m"), "x", "[{\"fileName\": \"a.png\", \"data\": \"%%%\"}]"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("base64")));
        postJson(WebhooksApi.PATH, sms.formatted("Nowhere", RoutingFixture.unique("m"), "x", "[]"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("no queue named")));
        postJson(WebhooksApi.PATH, sms.formatted(queue.name(), RoutingFixture.unique("m"), "x", "[]").replace("\"SMS\"", "\"PIGEON\""))
                .andExpect(status().isBadRequest());
        org.assertj.core.api.Assertions.assertThat(messages()).isEqualTo(before);
    }
}
