package org.switchboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * docs/operations.md lists every {@code switchboard.*} setting from the configuration metadata that the
 * build writes from the settings' declarations (@ConfigurationProperties records and
 * additional-spring-configuration-metadata.json), so the guide cannot fall behind the code. With
 * {@code -Doperations.write=true} the test rewrites the table instead of comparing it.
 */
class OperationsGuideTest {

    private static final Path GUIDE = Path.of("docs/operations.md");
    private static final String START = "<!-- settings:start -->\n";
    private static final String END = "<!-- settings:end -->";
    /** A setting named in the app's sources or its application.yml. */
    private static final Pattern NAMED_SETTING = Pattern.compile("\\$\\{(switchboard\\.[a-z0-9.-]+)|getProperty\\(\"(switchboard\\.[a-z0-9.-]+)\"");

    record Setting(String name, String type, String defaultValue, String description) {
    }

    @Test
    void theGuideListsEverySettingAsTheMetadataDescribesIt() throws IOException {
        String guide = Files.readString(GUIDE);
        int start = guide.indexOf(START);
        int end = guide.indexOf(END);
        assertThat(start).as("docs/operations.md marks where the settings table goes").isNotNegative();
        assertThat(end).isGreaterThan(start);
        String table = table(settings());
        String current = guide.substring(start + START.length(), end);
        if (Boolean.getBoolean("operations.write")) {
            Files.writeString(GUIDE, guide.substring(0, start + START.length()) + table + guide.substring(end));
            return;
        }
        assertThat(current).as("docs/operations.md's settings table is out of date: run "
                + "mvn test -Dtest=OperationsGuideTest -Doperations.write=true").isEqualTo(table);
    }

    @Test
    void everySettingTheAppReadsIsDescribed() throws IOException {
        List<Setting> settings = settings();
        assertThat(settings).filteredOn(s -> s.description().isBlank()).as("settings without a description").isEmpty();
        Set<String> described = new TreeSet<>(settings.stream().map(Setting::name).toList());
        assertThat(namedInSources()).as("settings the app reads that the metadata does not describe")
                .isSubsetOf(described);
    }

    static List<Setting> settings() throws IOException {
        try (InputStream metadata = OperationsGuideTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(metadata).as("the configuration processor wrote its metadata").isNotNull();
            List<Setting> settings = new ArrayList<>();
            for (JsonNode property : new ObjectMapper().readTree(metadata).get("properties")) {
                String name = property.get("name").asString();
                if (name.startsWith("switchboard.")) {
                    settings.add(new Setting(name, property.path("type").asString(""),
                            property.path("defaultValue").isMissingNode() ? "" : property.get("defaultValue").asString(),
                            property.path("description").asString("")));
                }
            }
            settings.sort((a, b) -> a.name().compareTo(b.name()));
            return settings;
        }
    }

    static String table(List<Setting> settings) {
        StringBuilder table = new StringBuilder("| Setting (environment variable) | Default | What it does |\n|---|---|---|\n");
        for (Setting s : settings) {
            String environment = s.name().toUpperCase().replace(".", "_").replace("-", "");
            String defaultValue = s.defaultValue().isEmpty() ? "" : "`" + s.defaultValue() + "`";
            table.append("| `").append(s.name()).append("` (`").append(environment).append("`) | ")
                    .append(defaultValue).append(" | ").append(sentence(s)).append(" |\n");
        }
        return table.toString();
    }

    /** The description as a sentence, {@code code} in backticks, camelCase names of sibling settings as settings. */
    private static String sentence(Setting s) {
        Matcher code = Pattern.compile("\\{@code ([^}]*)}").matcher(s.description());
        StringBuilder text = new StringBuilder();
        while (code.find()) {
            String name = code.group(1);
            String shown = name.matches("[a-z]+([A-Z][a-z0-9]*)+") ? name.replaceAll("([A-Z])", "-$1").toLowerCase() : name;
            code.appendReplacement(text, Matcher.quoteReplacement("`" + shown + "`"));
        }
        code.appendTail(text);
        String described = Character.toUpperCase(text.charAt(0)) + text.substring(1).replace("|", "\\|");
        String type = s.type().replaceAll("java\\.(lang|time|util)\\.", "");
        return described + (described.endsWith(".") ? "" : ".") + " (" + type.replace("<", "&lt;") + ")";
    }

    private static Set<String> namedInSources() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main"))) {
            for (Path source : sources.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = NAMED_SETTING.matcher(Files.readString(source));
                while (m.find()) {
                    named.add(m.group(1) != null ? m.group(1).replaceFirst(":.*", "") : m.group(2));
                }
            }
        }
        return named;
    }
}
