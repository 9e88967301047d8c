package org.switchboard.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.MutableClock;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.NewContact;
import org.switchboard.dashboard.ui.DashboardView;
import org.switchboard.dispatch.Sweeper;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.SignedInUser;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;

/** "Show Recordings" on the agent's dashboard during a call: the picker and the playback. */
@SwitchboardTest
@ViewPackages(classes = DashboardView.class)
class AudioMessagePickerTest extends SpringBrowserlessTest {

    @Autowired
    AudioMessageService audio;
    @Autowired
    ContactService contacts;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    Sweeper sweeper;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    UserSummary agent;
    ContactView call;
    String tag;
    AudioMessage greeting;
    AudioMessage archived;

    @BeforeEach
    void onACall() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 30);
        agent = fixture.readyAgents(1, queue).getFirst();
        SignedInUser principal = new SignedInUser(agent.id(), agent.username(), agent.displayName(), "", true, agent.roles());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        call = SystemUser.call(() -> contacts.create(new NewContact(queue.name(), ContactType.INBOUND_CALL, Channel.VOICE,
                "Grace Hopper", "+15550100")));
        contacts.accept(agent.id(), call.id());
        tag = RoutingFixture.unique("picker");
        greeting = audio.create(new AudioMessageForm(RoutingFixture.unique("Greeting"), "", Set.of(tag)),
                AudioSamples.file(AudioSamples.wav(2000), ".wav"));
        archived = audio.create(new AudioMessageForm(RoutingFixture.unique("Old greeting"), "", Set.of(tag)),
                AudioSamples.file(AudioSamples.wav(1000), ".wav"));
        audio.setArchived(archived.id(), true);
    }

    @AfterEach
    void signOut() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    AudioMessagePicker openPicker() {
        navigate(DashboardView.class);
        test($(Button.class).withId("show-recordings").single()).click();
        AudioMessagePicker picker = $(AudioMessagePicker.class).single();
        assertThat(picker.isOpened()).isTrue();
        return picker;
    }

    List<Long> listed(AudioMessagePicker picker) {
        var grid = test(picker.grid);
        return java.util.stream.IntStream.range(0, grid.size()).mapToObj(i -> grid.getRow(i).id()).toList();
    }

    List<String> events() {
        return jdbc.sql("SELECT type FROM contact_event WHERE contact_id = ? ORDER BY id").param(call.id()).query(String.class).list();
    }

    @Test
    void theAgentFindsANonArchivedRecordingPlaysItAndStopsIt() {
        AudioMessagePicker picker = openPicker();
        test(picker.search).setValue(tag);
        assertThat(listed(picker)).containsExactly(greeting.id());
        assertThat(picker.play.isEnabled()).as("nothing chosen yet").isFalse();
        assertThat(picker.hint.isVisible()).as("and the picker says why").isTrue();

        test(picker.grid).select(0);
        assertThat(picker.hint.isVisible()).isFalse();
        assertThat(picker.play.isEnabled()).isTrue();
        test(picker.play).click();
        assertThat(picker.isOpened()).isFalse();
        RecordingPlayback playback = $(RecordingPlayback.class).single();
        assertThat(playback.isVisible()).isTrue();
        assertThat(playback.title.getText()).isEqualTo("Playing: " + greeting.name());
        assertThat(playback.playing().contactId()).isEqualTo(call.id());
        assertThat(events()).endsWith("RECORDING_PLAYED");

        test(playback.stop).click();
        assertThat(playback.isVisible()).isFalse();
        assertThat(events()).endsWith("RECORDING_PLAYED", "RECORDING_STOPPED");
        assertThat(SystemUser.call(() -> contacts.get(call.id())).state()).isEqualTo(ContactState.CONNECTED);
    }

    @Test
    void playRecordingAndHangUpEndsTheCallWhenTheRecordingHasFinished() {
        AudioMessagePicker picker = openPicker();
        test(picker.search).setValue(greeting.name());
        test(picker.grid).select(0);
        test(picker.playAndHangUp).click();
        RecordingPlayback playback = $(RecordingPlayback.class).single();
        assertThat(playback.title.getText()).isEqualTo("Playing, then hanging up: " + greeting.name());

        clock.advance(Duration.ofSeconds(2));
        sweeper.sweep();
        assertThat(SystemUser.call(() -> contacts.get(call.id())).state()).isEqualTo(ContactState.WRAP_UP);
        assertThat(events()).contains("RECORDING_PLAYED", "HANGUP_SCHEDULED", "HUNG_UP_AFTER_RECORDING");
        // In the wrap-up there is nothing to play into (the real-browser test follows the push repaint).
        navigate(DashboardView.class);
        assertThat($(Button.class).withId("show-recordings").all()).isEmpty();
    }
}
