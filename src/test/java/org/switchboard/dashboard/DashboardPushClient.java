package org.switchboard.dashboard;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agent dashboard held open the way Vaadin's browser client holds it, without a browser: it signs
 * in through the login form, asks for the UI ({@code v-r=init}), opens the push WebSocket, navigates to
 * the dashboard ({@code ui-navigate}), keeps the UI alive with heartbeats and reads every push. The
 * server builds, keeps and updates the same dashboard for it as for a Chromium page; what it leaves
 * out is the rendering, which on a real site runs on each agent's own machine.
 * <p>
 * Like the Chromium pages' recorder, it notes when the first card's first figure ("Calls waiting")
 * first arrives with each value: when the push message carrying it is complete.
 */
public final class DashboardPushClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern FIRST_FIGURE = Pattern.compile("<dd>([^<]*)</dd>");
    /** The query parameters Vaadin's client (Atmosphere 4) opens its push WebSocket with. */
    private static final String PUSH_PARAMETERS = "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=4.0.1"
            + "&X-Atmosphere-Transport=websocket&X-Atmosphere-TrackMessageSize=true"
            + "&Content-Type=application/json;%20charset=UTF-8&X-atmo-protocol=true&X-Vaadin-LastSeenServerSyncId=0";

    private final HttpClient http;
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final StringBuilder pushed = new StringBuilder();
    private final CompletableFuture<Void> pushOpened = new CompletableFuture<>();
    private String lastFigure;
    private int uiId;
    private WebSocket push;

    private DashboardPushClient(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    /** One HTTP client (its own connections and selector thread) serves all stand-in dashboards. */
    public static HttpClient httpClient() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    /** Signs the agent in and opens its dashboard; returns once the dashboard's first figures arrived. */
    public static DashboardPushClient open(HttpClient http, String base, String username, String password) {
        DashboardPushClient client = openAny(http, base, username, password);
        if (!client.seen.containsKey("0")) {
            throw new IllegalStateException("The dashboard showed no queue card with 0 calls waiting");
        }
        return client;
    }

    /**
     * Signs the agent in and opens its dashboard, whatever its first card shows (an agent of several
     * queues and campaigns): for a benchmark that reads the server's own timings, not this client's.
     */
    public static DashboardPushClient openAny(HttpClient http, String base, String username, String password) {
        DashboardPushClient client = new DashboardPushClient(http, base);
        client.signIn(username, password);
        client.openDashboard();
        return client;
    }

    private void signIn(String username, String password) {
        Matcher csrf = CSRF.matcher(send(get("/login")).body());
        if (!csrf.find()) {
            throw new IllegalStateException("The login page has no CSRF token");
        }
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> signedIn = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Sign-in of " + username + " failed: " + signedIn.statusCode() + " " + location);
        }
    }

    private void openDashboard() {
        JsonNode config = JSON.readTree(send(get("/?v-r=init&location=dashboard&query=")).body()).get("appConfig");
        uiId = config.get("v-uiId").asInt();
        JsonNode uidl = config.get("uidl");
        String wsBase = base.replaceFirst("^http", "ws");
        push = http.newWebSocketBuilder().header("Cookie", cookieHeader())
                .buildAsync(URI.create(wsBase + "/VAADIN/push?v-r=push&v-uiId=" + uiId + "&v-pushId="
                        + uidl.get("Vaadin-Push-ID").asString() + PUSH_PARAMETERS), new PushListener())
                .join();
        pushOpened.orTimeout(60, TimeUnit.SECONDS).join();
        String navigate = """
                {"csrfToken":"%s","rpc":[{"type":"event","node":1,"event":"ui-navigate","data":{"route":"/dashboard",\
                "query":"","appShellTitle":"","historyState":{"idx":0},"trigger":""}}],"syncId":0,"clientId":0}"""
                .formatted(uidl.get("Vaadin-Security-Key").asString());
        HttpResponse<String> dashboard = send(request("/?v-r=uidl&v-uiId=" + uiId)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(navigate)));
        received(dashboard.body());
    }

    /** What the browser client sends every heartbeat interval so that the server keeps the UI. */
    void heartbeat() {
        send(request("/?v-r=heartbeat&v-uiId=" + uiId).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** The value of "Calls waiting" -> when it first arrived. */
    Map<String, Long> seen() {
        return Map.copyOf(seen);
    }

    public void close() {
        push.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }

    /**
     * A UIDL message (pushed: one object; an XHR's answer: "for(;;);" and an array of them): the first
     * card's figures are the first {@code innerHTML} among its changes.
     */
    private synchronized void received(String message) {
        long at = System.currentTimeMillis();
        JsonNode uidl = JSON.readTree(message.startsWith("for(;;);") ? message.substring(8) : message);
        for (JsonNode part : uidl.isArray() ? uidl : java.util.List.of(uidl)) {
            received(part, at);
        }
    }

    private void received(JsonNode uidl, long at) {
        for (JsonNode change : uidl.path("changes")) {
            if ("innerHTML".equals(change.path("key").asString(null))) {
                Matcher figure = FIRST_FIGURE.matcher(change.path("value").asString(""));
                if (figure.find()) {
                    String value = figure.group(1);
                    if (!value.equals(lastFigure)) {
                        lastFigure = value;
                        seen.putIfAbsent(value, at);
                    }
                }
                return;
            }
        }
    }

    /**
     * Atmosphere's framing with message sizes: "length|message", several to a frame or one across
     * frames. The first message is the handshake ("tracking id|heartbeat|padding|").
     */
    private final class PushListener implements WebSocket.Listener {

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            synchronized (pushed) {
                pushed.append(data);
                for (int bar = pushed.indexOf("|"); bar > 0; bar = pushed.indexOf("|")) {
                    int length = Integer.parseInt(pushed.substring(0, bar));
                    if (pushed.length() < bar + 1 + length) {
                        break;
                    }
                    String message = pushed.substring(bar + 1, bar + 1 + length);
                    pushed.delete(0, bar + 1 + length);
                    if (!pushOpened.isDone()) {
                        pushOpened.complete(null);
                    } else if (message.startsWith("{")) {
                        received(message);
                    }
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            pushOpened.completeExceptionally(error);
        }
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookieHeader());
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                String pair = cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';'));
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            if (response.statusCode() >= 400) {
                throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode());
            }
            return response;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String cookieHeader() {
        StringBuilder header = new StringBuilder();
        cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
        return header.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
