package org.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.switchboard.SwitchboardBrowserTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The README's API walk-through, taken from the README itself and run by bash as a reader would paste
 * it, against a running demo app: it must walk one call from arrival to the end of wrap-up.
 */
@SwitchboardBrowserTest
class ReadmeApiFlowIT {

    private static final String KEY = "sb_demo_switchboard_local_key";

    @LocalServerPort
    int port;

    @Test
    void theReadmeBlockWalksOneCallFromArrivalToTheEndOfWrapUp() throws Exception {
        String block = readmeBlock();
        assertThat(block).contains("localhost:8080");
        // As on a fresh demo start, agent2 is the only Sales agent taking calls (other tests may have left some ready).
        for (String other : List.of("agent1", "agent3", "agent4")) {
            logOut(other);
        }

        Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", block.replace("localhost:8080", "localhost:" + port))
                .redirectErrorStream(true).start();
        boolean finished = bash.waitFor(60, TimeUnit.SECONDS);
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished).as(output).isTrue();
        assertThat(bash.exitValue()).as(output).isZero();

        List<String> answers = output.lines().filter(line -> line.startsWith("{") || line.startsWith("[")).toList();
        ObjectMapper json = new ObjectMapper();
        JsonNode offered = json.readTree(answers.get(2));
        assertThat(offered.get("state").asString()).isEqualTo("OFFERED");
        assertThat(offered.get("agent").asString()).isEqualTo("agent2");
        assertThat(offered.get("line").asString()).isEqualTo("2012");
        JsonNode ended = json.readTree(answers.getLast());
        assertThat(ended.get("id").asLong()).isEqualTo(offered.get("id").asLong());
        assertThat(ended.get("state").asString()).isEqualTo("ENDED");
        assertThat(ended.get("wrapUpEndedBy").asString()).isEqualTo("AGENT");
    }

    /** The shell block under "Integration API" in the README. */
    static String readmeBlock() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher block = Pattern.compile("### Integration API.*?```sh\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("the README has a shell block under Integration API").isTrue();
        return block.group(1);
    }

    private void logOut(String agent) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                .uri(URI.create("http://localhost:" + port + "/api/v1/agents/" + agent + "/status"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"action\":\"LOGOUT\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }
}
