package org.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardBrowserTest;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.SystemUser;

/**
 * The API as a client meets it: real HTTP to the embedded Tomcat, so chunked bodies and requests that
 * no endpoint takes go the way they go in production.
 */
@SwitchboardBrowserTest
class ApiOverHttpIT {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService keys;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    String key;

    @BeforeEach
    void setUp() {
        key = SystemUser.call(() -> keys.create(RoutingFixture.unique("http client"), "test")).plainKey();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + key);
    }

    /** Sends the body chunked: no Content-Length tells the server how large it is. */
    HttpResponse<String> postChunked(String path, String body) throws Exception {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    int contactsIn(QueueInfo queue) {
        return jdbc.sql("SELECT COUNT(*) FROM contact WHERE queue_id = ?").param(queue.id()).query(Integer.class).single();
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().allValues("Set-Cookie")).as("no session for an API client").isEmpty();
    }

    @Test
    void chunkedBodiesAreHeldToTheLimitsByTheBytesActuallySent() throws Exception {
        QueueInfo calls = fixture.queue(QueueKind.CALL, 0, 30);
        String contact = """
                {"queue": "%s", "type": "INBOUND_CALL", "channel": "VOICE", "customerName": "%s", "customerAddress": "+15550100"}""";

        HttpResponse<String> huge = postChunked("/api/v1/contacts", contact.formatted(calls.name(), "A".repeat(2 * 1024 * 1024)));
        assertProblem(huge, 413);
        assertThat(huge.body()).contains("larger than 65536 bytes");
        assertThat(contactsIn(calls)).isZero();

        QueueInfo chats = fixture.queue(QueueKind.CHAT, 0, 0);
        String webhook = """
                {"channel": "SMS", "queue": "%s", "from": "+15550199", "messageId": "%s", "text": "Hi",
                 "attachments": [{"fileName": "big.png", "data": "%s"}]}""";
        HttpResponse<String> mms = postChunked(WebhooksApi.PATH,
                webhook.formatted(chats.name(), RoutingFixture.unique("m"), "A".repeat(6 * 1024 * 1024)));
        assertProblem(mms, 413);
        assertThat(mms.body()).contains("larger than 4718592 bytes");
        assertThat(contactsIn(chats)).isZero();

        // Under the limit a chunked body is read as ever.
        assertThat(postChunked("/api/v1/contacts", contact.formatted(calls.name(), "Ada")).statusCode()).isEqualTo(201);
        assertThat(contactsIn(calls)).isEqualTo(1);
    }

    @Test
    void whatNoEndpointTakesIsAProblemNeverAPage() throws Exception {
        HttpResponse<String> unknown = http.send(request("/api/v1/no-such-thing").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(unknown, 404);
        assertThat(unknown.body()).contains("/api/v1/no-such-thing").doesNotContain("<html");
        assertProblem(http.send(request("/api/v2/queues").GET().build(), HttpResponse.BodyHandlers.ofString()), 404);

        HttpResponse<String> delete = http.send(request("/api/v1/queues").DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(delete, 405);
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET");
        HttpResponse<String> put = http.send(request("/api/v1/contacts").PUT(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(put, 405);
        assertThat(put.headers().firstValue("Allow")).hasValue("POST");

        // The endpoints themselves still answer.
        assertThat(http.send(request("/api/v1/queues").GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
}
