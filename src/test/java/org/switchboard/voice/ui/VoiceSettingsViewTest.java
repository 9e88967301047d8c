package org.switchboard.voice.ui;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;
import org.switchboard.security.UserSummary;

/** The gear's microphone and speaker: the browser's devices, the one chosen in this browser, the default otherwise. */
@SwitchboardTest
@ViewPackages(classes = VoiceSettingsView.class)
class VoiceSettingsViewTest extends SpringBrowserlessTest {

    @Autowired
    RoutingFixture fixture;

    @BeforeEach
    void signIn() {
        UserSummary agent = fixture.user(Role.AGENT);
        SignedInUser principal = new SignedInUser(agent.id(), agent.username(), agent.displayName(), "", true, agent.roles());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @SuppressWarnings("unchecked")
    Select<VoiceSettingsView.Device> select(String id) {
        return $(Select.class).id(id);
    }

    @Test
    void theBrowsersDevicesAreListedWithTheChosenOneSelected() {
        VoiceSettingsView view = navigate(VoiceSettingsView.class);
        view.show("""
                {"microphones":[{"id":"default","label":"Default"},{"id":"m1","label":"Headset microphone"}],
                 "speakers":[{"id":"s1","label":"Headset"},{"id":"s2","label":"Laptop speakers"}],
                 "microphone":"m1","speaker":""}""");
        assertThat(test(select("voice-microphone")).getSuggestionItems()).extracting(select("voice-microphone").getItemLabelGenerator()::apply)
                .containsExactly("The system's default", "Headset microphone");
        assertThat(select("voice-microphone").getValue().id()).isEqualTo("m1");
        assertThat(select("voice-speaker").getValue()).isEqualTo(VoiceSettingsView.DEFAULT);
        assertThat(test(select("voice-speaker")).getSuggestionItems()).hasSize(3);
    }

    @Test
    void aChoiceNoLongerPluggedInFallsBackToTheDefault() {
        VoiceSettingsView view = navigate(VoiceSettingsView.class);
        view.show("""
                {"microphones":[],"speakers":[],"microphone":"gone","speaker":"gone"}""");
        assertThat(select("voice-microphone").getValue()).isEqualTo(VoiceSettingsView.DEFAULT);
    }
}
