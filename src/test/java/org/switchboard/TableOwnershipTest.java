package org.switchboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every table belongs to the module whose change set creates it (the change set's file name says which:
 * {@code yyyyMMddHHmm_<module>_<what>.yaml}), and only that module's SQL names it. Others read through the
 * owner's API, so a column can change in one place and the owner's rules (states, locks) cannot be
 * bypassed by a query elsewhere.
 */
class TableOwnershipTest {

    private static final Path CHANGES = Path.of("db/changelog/changes");
    private static final Path SOURCES = Path.of("src/main/java/org/switchboard");
    private static final Pattern CHANGE_SET_NAME = Pattern.compile("\\d{12}_([a-z]+)_.*\\.yaml");
    private static final Pattern CREATED_TABLE = Pattern.compile("createTable:\\s*\\n(?:\\s+[a-zA-Z]+:.*\\n)*?\\s+tableName:\\s*(\\w+)");

    @Test
    void noModuleNamesAnotherModulesTableInItsSql() {
        Map<String, String> owners = owners();
        Map<String, TreeSet<String>> foreign = new TreeMap<>();
        for (Path file : javaSources()) {
            String module = SOURCES.relativize(file).getName(0).toString();
            String source = read(file);
            owners.forEach((table, owner) -> {
                if (!owner.equals(module) && namesTable(source, table)) {
                    foreign.computeIfAbsent(SOURCES.relativize(file).toString(), f -> new TreeSet<>()).add(table + " (" + owner + ")");
                }
            });
        }
        assertThat(foreign).as("SQL naming tables that another module owns, by file").isEmpty();
    }

    @Test
    void ownersComeFromTheChangeSetsThatCreateTheTables() {
        Map<String, String> owners = owners();
        assertThat(owners).containsEntry("contact", "contact").containsEntry("app_user", "security")
                .containsEntry("agent_presence", "agent").containsEntry("chat_message", "chat").containsEntry("job_lease", "cluster");
        assertThat(owners.values()).allSatisfy(module -> assertThat(SOURCES.resolve(module)).isDirectory());
    }

    @Test
    void recognisesTheWaysSqlNamesATable() {
        assertThat(namesTable("SELECT c.id FROM contact c", "contact")).isTrue();
        assertThat(namesTable("... LEFT JOIN app_user u ON u.id = m.author_id", "app_user")).isTrue();
        assertThat(namesTable("UPDATE contact SET state = ?", "contact")).isTrue();
        assertThat(namesTable("INSERT INTO contact_event (contact_id)", "contact_event")).isTrue();
        assertThat(namesTable("delete from queue where id = ?", "queue")).isTrue();
        assertThat(namesTable("@Table(\"agent_presence\")", "agent_presence")).isTrue();
        assertThat(namesTable("FROM contact_event e", "contact")).isFalse();
        assertThat(namesTable("JOIN queue_assignment a", "queue")).isFalse();
        assertThat(namesTable("the contact was queued", "contact")).isFalse();
    }

    static boolean namesTable(String source, String table) {
        return Pattern.compile("(?i:\\b(?:FROM|JOIN|UPDATE|INTO)\\s+)" + table + "\\b(?![.])|@Table\\(\"" + table + "\"\\)")
                .matcher(source).find();
    }

    private static Map<String, String> owners() {
        Map<String, String> owners = new TreeMap<>();
        try (Stream<Path> files = Files.list(CHANGES)) {
            for (Path file : files.sorted().toList()) {
                Matcher name = CHANGE_SET_NAME.matcher(file.getFileName().toString());
                assertThat(name.matches()).as("change set %s is named yyyyMMddHHmm_<module>_<what>.yaml", file).isTrue();
                Matcher table = CREATED_TABLE.matcher(read(file));
                while (table.find()) {
                    owners.put(table.group(1), name.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return owners;
    }

    private static List<Path> javaSources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java") && SOURCES.relativize(f).getNameCount() > 1).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
