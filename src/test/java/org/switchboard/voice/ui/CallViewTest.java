package org.switchboard.voice.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.Test;
import org.switchboard.common.PublicClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.contact.ContactService;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.UserSummary;
import org.switchboard.voice.WebCallService;

/** The caller page without a browser: the queue it calls, the name it needs, and the states of a call. */
@SwitchboardTest
@ViewPackages(classes = CallView.class)
class CallViewTest extends SpringBrowserlessTest {

    @Autowired
    RoutingFixture fixture;
    @Autowired
    WebCallService webCalls;
    @Autowired
    ContactService contacts;
    @Autowired
    org.switchboard.voice.VoiceService voice;
    @Autowired
    org.switchboard.audio.AudioMessageService audio;

    CallView open(String queue) {
        return navigate(CallView.class, Map.of("queue", queue));
    }

    @Test
    void theQueueIsFoundByItsSlugAndAnUnknownOneIsSaid() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 0);
        CallView view = open(QueueInfo.slugOf(queue.name()));
        assertThat(view.getPageTitle()).isEqualTo("Call " + queue.name());
        assertThat(view.startForm.isVisible()).isTrue();
        assertThat(view.callPanel.isVisible()).isFalse();

        CallView unknown = open("no-such-line");
        assertThat(unknown.startForm.isVisible()).isFalse();
        assertThat($(Paragraph.class).single().getText()).isEqualTo("There is no line called 'no-such-line'.");
    }

    @Test
    void aQueueWithRecordedHoldMusicHandsItsAddressToTheLine() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 0);
        assertThat(open(queue.name()).line.getElement().hasAttribute("hold-music")).as("the built-in tone").isFalse();
        UserSummary admin = fixture.user(org.switchboard.security.Role.ADMIN);
        long recording = RoutingFixture.as(admin, () -> audio.create(new org.switchboard.audio.AudioMessageForm(
                RoutingFixture.unique("Hold"), "", java.util.Set.of()), org.switchboard.audio.AudioSamples.file(
                org.switchboard.audio.AudioSamples.wav(500), ".wav"))).id();
        RoutingFixture.as(admin, () -> voice.setHoldMusic(queue.id(), recording));
        assertThat(open(queue.name()).line.getElement().getAttribute("hold-music")).startsWith("VAADIN/dynamic/resource/");
    }

    @Test
    void withoutANameNoMicrophoneIsAskedAndNoCallPlaced() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 0);
        CallView view = open(queue.name());
        test(view.call).click();
        assertThat(view.problem.getText()).isEqualTo("Please tell us your name.");
        assertThat(view.call.isEnabled()).isTrue();
        assertThat(view.callPanel.isVisible()).isFalse();
    }

    @Test
    void theCallerSeesWaitingThenConnectedThenEnded() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 30);
        UserSummary agent = fixture.readyAgents(1, queue).getFirst();
        CallView view = open(queue.name());
        WebCallService.Session call = webCalls.place(queue.name(), "Grace", null, new PublicClient(RoutingFixture.unique("client"), null));

        view.show(webCalls.call(call.token()));
        assertThat(view.startForm.isVisible()).isFalse();
        assertThat(view.status.getText()).startsWith("Waiting for an agent");
        assertThat(view.timer.getElement().getChild(0).getTag()).isEqualTo("sb-clock");
        assertThat(view.hangUp.isVisible()).isTrue();

        RoutingFixture.as(agent, () -> contacts.accept(agent.id(), call.contactId()));
        view.show(webCalls.call(call.token()));
        assertThat(view.status.getText()).isEqualTo("Connected");
        assertThat(view.again.isVisible()).isFalse();

        RoutingFixture.as(agent, () -> contacts.end(agent.id(), call.contactId()));
        view.show(webCalls.call(call.token()));
        assertThat(view.status.getText()).startsWith("The call has ended");
        assertThat(view.hangUp.isVisible()).isFalse();
        assertThat(view.again.isVisible()).isTrue();
        test(view.again).click();
        assertThat(view.startForm.isVisible()).isTrue();
    }
}
