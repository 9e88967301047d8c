package org.switchboard.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.RoutingFixture.as;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.switchboard.RoutingFixture;
import org.switchboard.SecondContext;
import org.switchboard.SwitchboardTest;
import org.switchboard.audio.AudioMessage;
import org.switchboard.audio.AudioMessageForm;
import org.switchboard.audio.AudioMessageService;
import org.switchboard.audio.AudioSamples;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.NewContact;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;
import org.switchboard.security.Role;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserService;
import org.switchboard.security.UserSummary;

/**
 * docs/operations.md's backup, as an admin runs it: the documented {@code mariadb-dump} command, taken
 * from the guide itself, dumps the test database (embedded, or the one TEST_DATABASE_URL names); the
 * dump goes into a new embedded server on an empty data dir through {@code switchboard.embedded-db.restore-from};
 * the app started on that server finds the user, queue, contact and audio written before, bytes intact.
 */
@SwitchboardTest
class BackupRestoreTest {

    private static final Path WORK_DIR = Path.of("target/backup-restore");

    @Autowired
    RoutingFixture fixture;
    @Autowired
    QueueService queues;
    @Autowired
    ContactService contacts;
    @Autowired
    AudioMessageService audio;
    @Autowired
    DataSource dataSource;
    @Autowired
    Environment environment;

    @Test
    void theDocumentedDumpRestoresIntoAFreshServerWithUsersQueuesContactsAndAudioIntact() throws Exception {
        UserSummary agent = fixture.user(Role.AGENT);
        QueueInfo queue = fixture.queue(QueueKind.CALL, 1, 10);
        ContactView call = SystemUser.call(() -> contacts.create(new NewContact(queue.name(), ContactType.INBOUND_CALL,
                Channel.VOICE, "Backed-up Caller", "+15550199")));
        // Three seconds of 8 kHz PCM is 48 KB; 40 s (640 KB) spans three 256 KB chunks of audio_chunk.
        byte[] sound = AudioSamples.wav(40_000);
        AudioMessage message = as(agent, () -> audio.create(new AudioMessageForm(RoutingFixture.unique("Backed up"),
                "kept through a restore", Set.of("backup")), AudioSamples.file(sound, ".wav")));

        Files.createDirectories(WORK_DIR);
        Path backup = WORK_DIR.resolve("switchboard.sql").toAbsolutePath();
        Files.deleteIfExists(backup);
        runDocumentedBackup(backup);
        assertThat(Files.size(backup)).isGreaterThan(sound.length);

        EmbeddedMariaDb fresh = EmbeddedMariaDb.launch(WORK_DIR.resolve("mariadb"), 0, true);
        try {
            String url = fresh.open("switchboard", Optional.of(backup));
            try (SecondContext restored = SecondContext.start("--spring.datasource.url=" + url, "--switchboard.demo=false",
                    "--server.port=0")) {
                UserSummary restoredAgent = SystemUser.call(() -> restored.bean(UserService.class)
                        .findByUsername(agent.username())).orElseThrow();
                assertThat(restoredAgent.roles()).containsExactly(Role.AGENT);
                QueueInfo restoredQueue = SystemUser.call(() -> restored.bean(QueueService.class).findById(queue.id()))
                        .orElseThrow();
                assertThat(restoredQueue.name()).isEqualTo(queue.name());
                ContactView restoredCall = SystemUser.call(() -> restored.bean(ContactService.class).get(call.id()));
                assertThat(restoredCall.customerName()).isEqualTo("Backed-up Caller");
                assertThat(restoredCall.state()).isEqualTo(call.state());
                AudioMessageService restoredAudio = restored.bean(AudioMessageService.class);
                AudioMessage restoredMessage = as(agent, () -> restoredAudio.get(message.id()));
                assertThat(restoredMessage.name()).isEqualTo(message.name());
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                as(agent, () -> restoredAudio.copyAudio(message.id(), 0, sound.length, bytes));
                assertThat(bytes.toByteArray()).isEqualTo(sound);
            }
            assertThat(fresh.open("switchboard", Optional.of(backup))).as("an existing database is never overwritten")
                    .isEqualTo(url);
        } finally {
            fresh.stop();
        }
    }

    /** Runs the guide's backup block with bash, its variables set for the test database. */
    private void runDocumentedBackup(Path backup) throws IOException, InterruptedException {
        URI database = URI.create(((HikariDataSource) dataSource).getJdbcUrl().substring("jdbc:".length()));
        ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", documentedBackup())
                .redirectErrorStream(true);
        Map<String, String> variables = bash.environment();
        variables.put("DB_HOST", database.getHost());
        variables.put("DB_PORT", String.valueOf(database.getPort()));
        variables.put("DB_USER", environment.getProperty("spring.datasource.username", "root"));
        variables.put("DB_PASSWORD", environment.getProperty("spring.datasource.password", ""));
        variables.put("DB_NAME", database.getPath().substring(1));
        variables.put("BACKUP_FILE", backup.toString());
        // The embedded server brings its own client, as the guide says; an external server's host has one on its PATH.
        EmbeddedMariaDb.shared().ifPresent(server -> variables.put("PATH",
                server.baseDir().resolve("bin").toAbsolutePath() + ":" + variables.get("PATH")));
        Process dump = bash.start();
        String output = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(dump.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(dump.exitValue()).as(output).isZero();
    }

    /** The shell block under "Backups" in docs/operations.md. */
    static String documentedBackup() throws IOException {
        String guide = Files.readString(Path.of("docs/operations.md"));
        Matcher block = Pattern.compile("## Backups.*?```sh\\n(.*?)```", Pattern.DOTALL).matcher(guide);
        assertThat(block.find()).as("docs/operations.md has a shell block under Backups").isTrue();
        return block.group(1);
    }
}
