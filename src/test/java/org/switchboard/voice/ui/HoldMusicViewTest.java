package org.switchboard.voice.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.audio.AudioMessageForm;
import org.switchboard.audio.AudioMessageService;
import org.switchboard.audio.AudioSamples;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;
import org.switchboard.security.UserSummary;
import org.switchboard.voice.VoiceService;

/** Admin > Hold music: one choice per call queue, the built-in tone until a recording is chosen. */
@SwitchboardTest
@ViewPackages(classes = HoldMusicView.class)
class HoldMusicViewTest extends SpringBrowserlessTest {

    @Autowired
    RoutingFixture fixture;
    @Autowired
    AudioMessageService audio;
    @Autowired
    VoiceService voice;

    @BeforeEach
    void signIn() {
        UserSummary admin = fixture.user(Role.ADMIN);
        SignedInUser principal = new SignedInUser(admin.id(), admin.username(), admin.displayName(), "", true, admin.roles());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anAdminPicksARecordingForACallQueueAndNoneForAChatQueue() {
        QueueInfo calls = fixture.queue(QueueKind.CALL, 0, 0);
        QueueInfo chats = fixture.queue(QueueKind.CHAT, 0, 0);
        String name = RoutingFixture.unique("Hold");
        long recording = audio.create(new AudioMessageForm(name, "", Set.of()), AudioSamples.file(AudioSamples.wav(500), ".wav")).id();
        navigate(HoldMusicView.class);

        @SuppressWarnings("unchecked")
        Select<HoldMusicView.Choice> select = $(Select.class).id("hold-music-" + calls.id());
        assertThat(select.getValue()).isEqualTo(HoldMusicView.TONE);
        assertThat($(Select.class).withId("hold-music-" + chats.id()).all()).isEmpty();

        test(select).selectItem(name + " (0:01)");
        assertThat(voice.holdMusic()).containsEntry(calls.id(), recording);
    }
}
