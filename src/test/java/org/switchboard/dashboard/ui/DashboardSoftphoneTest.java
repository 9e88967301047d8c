package org.switchboard.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.common.PublicClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.NewContact;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.SignedInUser;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;
import org.switchboard.voice.Softphone;
import org.switchboard.voice.WebCallService;

/**
 * The dashboard as a softphone: a web call rings, is accepted only once the browser has opened the
 * microphone, shows mute and hold while connected, and the softphone follows the call's end. A call
 * from the telephony platform gets none of it.
 */
@SwitchboardTest
@ViewPackages(classes = DashboardView.class)
class DashboardSoftphoneTest extends SpringBrowserlessTest {

    @Autowired
    RoutingFixture fixture;
    @Autowired
    ContactService contacts;
    @Autowired
    WebCallService webCalls;

    QueueInfo queue;
    UserSummary agent;

    @BeforeEach
    void signIn() {
        queue = fixture.queue(QueueKind.CALL, 0, 30);
        agent = fixture.readyAgents(1, queue).getFirst();
        SignedInUser principal = new SignedInUser(agent.id(), agent.username(), agent.displayName(), "", true, agent.roles());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    Softphone softphone() {
        return $(Softphone.class).single();
    }

    String panelText() {
        return $(Span.class).withClassName("headline").single().getText();
    }

    Button button(String id) {
        return $(Button.class).withId(id).single();
    }

    @Test
    void aWebCallRingsIsAcceptedAfterTheMicrophoneAndOffersMuteAndHoldUntilTheCallerHangsUp() {
        WebCallService.Session call = webCalls.place(queue.name(), "Grace", null, new PublicClient(RoutingFixture.unique("client"), null));
        navigate(DashboardView.class);
        assertThat(softphone().state()).isEqualTo(Softphone.State.RINGING);

        // Accept first asks the browser for the microphone; until it answers, the offer stays an offer.
        test(button("accept")).click();
        assertThat(SystemUser.call(() -> contacts.get(call.contactId())).state()).isEqualTo(ContactState.OFFERED);

        contacts.accept(agent.id(), call.contactId());
        navigate(DashboardView.class);
        assertThat(panelText()).startsWith("On call");
        assertThat(softphone().state()).isEqualTo(Softphone.State.ON_CALL);

        test(button("mute")).click();
        assertThat(softphone().muted()).isTrue();
        assertThat(button("mute").getText()).isEqualTo("Unmute");
        test(button("hold")).click();
        assertThat(softphone().held()).isTrue();
        assertThat(button("hold").getText()).isEqualTo("Resume");
        test(button("hold")).click();
        assertThat(softphone().held()).isFalse();
        assertThat(button("hold").getText()).isEqualTo("Hold");

        webCalls.hangUp(call.token());
        navigate(DashboardView.class);
        assertThat(panelText()).startsWith("Wrap-up");
        assertThat(softphone().state()).isEqualTo(Softphone.State.IDLE);
        assertThat($(Button.class).withId("mute").all()).isEmpty();
    }

    @Test
    void anOfferKeepsItsAcceptButtonWhenTheDashboardLearnsThatTheCallHasAudio() {
        WebCallService.Session call = webCalls.place(queue.name(), "Grace", null, new PublicClient(RoutingFixture.unique("client"), null));
        navigate(DashboardView.class);
        Button accept = button("accept");
        ContactPanel panel = $(ContactPanel.class).single();
        ContactView offer = SystemUser.call(() -> contacts.get(call.contactId()));

        panel.show(offer, null, false);
        panel.show(offer, null, true);

        assertThat(button("accept")).as("the button the agent is clicking").isSameAs(accept);
    }

    @Test
    void aCallOfTheTelephonyPlatformHasNoSoftphoneControls() {
        var call = SystemUser.call(() -> contacts.create(new NewContact(queue.name(), ContactType.INBOUND_CALL, Channel.VOICE,
                "Ada", "+15550100")));
        navigate(DashboardView.class);
        assertThat(softphone().state()).isEqualTo(Softphone.State.IDLE);
        test(button("accept")).click();
        assertThat(SystemUser.call(() -> contacts.get(call.id())).state()).isEqualTo(ContactState.CONNECTED);
        assertThat(panelText()).startsWith("On call");
        assertThat($(Button.class).withId("hold").all()).isEmpty();
        assertThat(softphone().state()).isEqualTo(Softphone.State.IDLE);
    }
}
