package org.switchboard.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.RoutingFixture.as;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.switchboard.MutableClock;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.common.ConflictException;
import org.switchboard.common.ValidationException;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.NewContact;
import org.switchboard.dispatch.Sweeper;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.Role;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;

@SwitchboardTest
class AudioMessageServiceTest {

    @Autowired
    AudioMessageService audio;
    @Autowired
    ContactService contacts;
    @Autowired
    Sweeper sweeper;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static AudioMessageForm form(String name, String... tags) {
        return new AudioMessageForm(name, "Said at the start of a call", Set.of(tags));
    }

    int storedMessages() {
        return jdbc.sql("SELECT COUNT(*) FROM audio_message").query(Integer.class).single();
    }

    int storedContents() {
        return jdbc.sql("SELECT COUNT(DISTINCT message_id) FROM audio_chunk").query(Integer.class).single();
    }

    @Test
    void aWavIsStoredWithItsMeasuredDurationAndServedInRanges() {
        UserSummary agent = fixture.user(Role.AGENT);
        byte[] wav = AudioSamples.wav(1200);
        String name = RoutingFixture.unique("Welcome");
        AudioMessage created = as(agent, () -> audio.create(form(name, "greeting", "sales"), AudioSamples.file(wav, ".wav")));
        assertThat(created.format()).isEqualTo(AudioFormat.WAV);
        assertThat(created.duration()).isEqualTo(Duration.ofMillis(1200));
        assertThat(created.sizeBytes()).isEqualTo(wav.length);
        assertThat(created.tags()).containsExactly("greeting", "sales");
        assertThat(created.createdBy()).isEqualTo(agent.id());
        assertThat(created.editable()).isTrue();

        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        as(agent, () -> audio.copyAudio(created.id(), 0, wav.length, whole));
        assertThat(whole.toByteArray()).isEqualTo(wav);
        ByteArrayOutputStream range = new ByteArrayOutputStream();
        as(agent, () -> audio.copyAudio(created.id(), 100, 50, range));
        assertThat(range.toByteArray()).isEqualTo(Arrays.copyOfRange(wav, 100, 150));
    }

    @Test
    void aFileJustUnderTheLimitsGoesInAsAStreamAndComesOutInChunks() {
        UserSummary agent = fixture.user(Role.AGENT);
        byte[] wav = AudioSamples.wavOfSize(32_000 * 295, 16_000, 2); // 4:55 at 16 kHz, 16 bit: 9.0 MB
        Path file = AudioSamples.file(wav, ".wav");
        long started = System.nanoTime();
        AudioMessage stored = as(agent, () -> audio.create(form(RoutingFixture.unique("Long")), file));
        long storedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(stored.duration()).isEqualTo(Duration.ofSeconds(295));

        started = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream(wav.length);
        as(agent, () -> audio.copyAudio(stored.id(), 0, stored.sizeBytes(), out));
        long servedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(out.toByteArray()).isEqualTo(wav);
        System.out.printf("%.1f MB audio: checked and stored in %d ms, read back in %d ms%n", wav.length / 1024.0 / 1024.0,
                storedMillis, servedMillis);
    }

    @Test
    void aRenamedTextFileIsRefusedAndNothingIsStored() {
        UserSummary agent = fixture.user(Role.AGENT);
        int messages = storedMessages();
        int contents = storedContents();
        Path text = AudioSamples.file("Dear customer, please hold.".getBytes(StandardCharsets.UTF_8), ".mp3");
        assertThatThrownBy(() -> as(agent, () -> audio.create(form("Hold"), text)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("This is not a WAV, MP3, OGG or WebM audio file. Accepted are WAV, MP3, OGG and WebM audio files.")
                // On a Japanese screen the file's problem is said in Japanese too, not only the sentence around it.
                .satisfies(refusal -> assertThat(((ValidationException) refusal).in(java.util.Locale.JAPANESE))
                        .isEqualTo("WAV、MP3、OGG、WebM のいずれの音声ファイルでもありません。対応しているのは WAV、MP3、OGG、WebM の音声ファイルです。"));
        assertThat(storedMessages()).isEqualTo(messages);
        assertThat(storedContents()).isEqualTo(contents);
    }

    @Test
    void aFileWhoseHeaderAndContentDisagreeIsRefusedWithTheReasonAndNothingIsStored() {
        UserSummary agent = fixture.user(Role.AGENT);
        int messages = storedMessages();
        int contents = storedContents();
        byte[] declaresTwoSeconds = AudioSamples.wav(2000);
        Path hidesSixMinutes = AudioSamples.file(Arrays.copyOf(declaresTwoSeconds, declaresTwoSeconds.length + 8000 * 2 * 360), ".wav");
        assertThatThrownBy(() -> as(agent, () -> audio.create(form(RoutingFixture.unique("Liar")), hidesSixMinutes)))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("The WAV file's header declares 0:02.0 of audio, but the file holds 6:02.0.");
        assertThat(storedMessages()).isEqualTo(messages);
        assertThat(storedContents()).isEqualTo(contents);
    }

    @Test
    void filesOverTenMegabytesOrFiveMinutesAreRefused() {
        UserSummary agent = fixture.user(Role.AGENT);
        int messages = storedMessages();
        Path tooBig = AudioSamples.file(AudioSamples.wavOfSize(10 * 1024 * 1024), ".wav");
        assertThatThrownBy(() -> as(agent, () -> audio.create(form("Big"), tooBig)))
                .isInstanceOf(ValidationException.class).hasMessage("The audio file is 10.0 MB; at most 10 MB is accepted.");
        Path tooLong = AudioSamples.file(AudioSamples.wavOfSize(8000 * 301), ".wav"); // 5:01 at 8000 bytes a second
        assertThatThrownBy(() -> as(agent, () -> audio.create(form("Long"), tooLong)))
                .isInstanceOf(ValidationException.class).hasMessage("The recording is 5:01 long; at most 5:00 is accepted.");
        Path fiveMinutes = AudioSamples.file(AudioSamples.wavOfSize(8000 * 300), ".wav");
        AudioMessage justFits = as(agent, () -> audio.create(form(RoutingFixture.unique("Five")), fiveMinutes));
        assertThat(justFits.duration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(storedMessages()).isEqualTo(messages + 1);
        assertThatThrownBy(() -> as(agent, () -> audio.create(form("  "), fiveMinutes)))
                .isInstanceOf(ValidationException.class).hasMessage("Enter a name.");
        assertThatThrownBy(() -> as(agent, () -> audio.create(form("No audio"), null)))
                .isInstanceOf(ValidationException.class).hasMessage("Record or upload the audio.");
    }

    @Test
    void usersChangeTheirOwnMessagesSupervisorsAndAdminsChangeAll() {
        UserSummary owner = fixture.user(Role.AGENT);
        UserSummary other = fixture.user(Role.AGENT);
        UserSummary supervisor = fixture.user(Role.SUPERVISOR);
        UserSummary admin = fixture.user(Role.ADMIN);
        AudioMessage mine = as(owner, () -> audio.create(form(RoutingFixture.unique("Mine")), AudioSamples.file(AudioSamples.wav(500), ".wav")));

        assertThat(as(other, () -> audio.get(mine.id())).editable()).isFalse();
        assertThatThrownBy(() -> as(other, () -> audio.update(mine.id(), mine.version(), form("Taken"), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(other, () -> audio.setArchived(mine.id(), true))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(other, () -> audio.delete(mine.id()))).isInstanceOf(AccessDeniedException.class);
        assertThat(as(other, () -> audio.get(mine.id())).name()).isEqualTo(mine.name());

        AudioMessage renamed = as(owner, () -> audio.update(mine.id(), mine.version(), form("Renamed by owner", "x"), null));
        assertThat(renamed.name()).isEqualTo("Renamed by owner");
        assertThatThrownBy(() -> as(owner, () -> audio.update(mine.id(), mine.version(), form("Stale"), null)))
                .as("an edit based on an old version").isInstanceOf(ConflictException.class);

        AudioMessage replaced = as(supervisor, () -> audio.update(mine.id(), renamed.version(), form("Replaced by supervisor"),
                AudioSamples.file(AudioSamples.oggOpus(2000), ".ogg")));
        assertThat(replaced.editable()).isTrue();
        assertThat(replaced.format()).isEqualTo(AudioFormat.OGG);
        assertThat(replaced.duration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(replaced.contentUrl()).isNotEqualTo(renamed.contentUrl());

        as(admin, () -> audio.delete(mine.id()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audio_chunk WHERE message_id = ?").param(mine.id()).query(Integer.class).single())
                .isZero();
    }

    @Test
    void archivedMessagesLeaveTheCallListAndComeBackWhenUnarchived() {
        UserSummary agent = fixture.user(Role.AGENT);
        String tag = RoutingFixture.unique("tag");
        AudioMessage message = as(agent, () -> audio.create(form(RoutingFixture.unique("Closed today"), tag),
                AudioSamples.file(AudioSamples.mp3(40, true), ".mp3")));
        assertThat(as(agent, () -> audio.playable(tag))).extracting(AudioMessage::id).containsExactly(message.id());
        assertThat(as(agent, () -> audio.playable(message.name().toUpperCase()))).extracting(AudioMessage::id).containsExactly(message.id());

        as(agent, () -> audio.setArchived(message.id(), true));
        assertThat(as(agent, () -> audio.playable(tag))).isEmpty();
        assertThat(as(agent, () -> audio.library(true, tag))).extracting(AudioMessage::id).containsExactly(message.id());
        assertThat(as(agent, () -> audio.library(false, tag))).isEmpty();

        as(agent, () -> audio.setArchived(message.id(), false));
        assertThat(as(agent, () -> audio.playable(tag))).extracting(AudioMessage::id).containsExactly(message.id());
    }

    List<String> events(long contactId) {
        return jdbc.sql("SELECT CONCAT(type, COALESCE(CONCAT(': ', detail), '')) FROM contact_event WHERE contact_id = ? ORDER BY id")
                .param(contactId).query(String.class).list();
    }

    @Test
    void playAndHangUpIsRecordedAndEndsTheCallWhenTheRecordingHasFinished() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 30);
        UserSummary agent = fixture.readyAgents(1, queue).getFirst();
        ContactView call = SystemUser.call(() -> contacts.create(new NewContact(queue.name(), ContactType.INBOUND_CALL,
                Channel.VOICE, "Ada Lovelace", "+1 555 0101")));
        as(agent, () -> contacts.accept(agent.id(), call.id()));
        AudioMessage goodbye = as(agent, () -> audio.create(form(RoutingFixture.unique("Goodbye")),
                AudioSamples.file(AudioSamples.webm(7980, 0), ".webm")));
        assertThat(goodbye.duration()).isEqualTo(Duration.ofMillis(7980));

        as(agent, () -> audio.play(call.id(), goodbye.id(), false));
        as(agent, () -> audio.play(call.id(), goodbye.id(), true));
        clock.advance(Duration.ofMillis(7900));
        sweeper.sweep();
        assertThat(SystemUser.call(() -> contacts.get(call.id())).state()).isEqualTo(ContactState.CONNECTED);
        clock.advance(Duration.ofMillis(100));
        sweeper.sweep();
        assertThat(SystemUser.call(() -> contacts.get(call.id())).state()).isEqualTo(ContactState.WRAP_UP);
        assertThat(events(call.id())).containsSubsequence(
                "RECORDING_PLAYED: " + goodbye.name() + " (8 s)",
                "RECORDING_PLAYED: " + goodbye.name() + " (8 s, then hang up)",
                "HANGUP_SCHEDULED: 7980 ms",
                "HUNG_UP_AFTER_RECORDING");
        assertThatThrownBy(() -> as(agent, () -> audio.play(call.id(), goodbye.id(), false)))
                .as("the call is over").isInstanceOf(ConflictException.class);
    }

    @Test
    void stoppingARecordingCancelsTheHangUpAndOnlyTheAgentMayPlayIntoItsCall() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 30);
        UserSummary agent = fixture.readyAgents(1, queue).getFirst();
        UserSummary stranger = fixture.user(Role.AGENT);
        ContactView call = SystemUser.call(() -> contacts.create(new NewContact(queue.name(), ContactType.INBOUND_CALL,
                Channel.VOICE, "Alan Turing", "+1 555 0102")));
        as(agent, () -> contacts.accept(agent.id(), call.id()));
        AudioMessage message = as(agent, () -> audio.create(form(RoutingFixture.unique("Survey")),
                AudioSamples.file(AudioSamples.wav(3000), ".wav")));

        assertThatThrownBy(() -> as(stranger, () -> audio.play(call.id(), message.id(), true))).isInstanceOf(AccessDeniedException.class);
        as(agent, () -> audio.play(call.id(), message.id(), true));
        clock.advance(Duration.ofSeconds(1));
        as(agent, () -> audio.stopped(call.id(), message.id()));
        clock.advance(Duration.ofSeconds(5));
        sweeper.sweep();
        assertThat(SystemUser.call(() -> contacts.get(call.id())).state()).isEqualTo(ContactState.CONNECTED);
        assertThat(events(call.id())).containsSubsequence("HANGUP_SCHEDULED: 3000 ms", "RECORDING_STOPPED: " + message.name(),
                "HANGUP_CANCELLED");

        as(agent, () -> audio.setArchived(message.id(), true));
        assertThatThrownBy(() -> as(agent, () -> audio.play(call.id(), message.id(), false)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is archived");
    }
}
