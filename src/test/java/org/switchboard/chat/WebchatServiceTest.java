package org.switchboard.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.RoutingFixture.as;

import org.junit.jupiter.api.Test;
import org.switchboard.common.PublicClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.common.ConflictException;
import org.switchboard.common.NotFoundException;
import org.switchboard.common.ValidationException;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactState;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;

/** The customer's side of a webchat: start, come back with the token, write, end, and the limits. */
@SwitchboardTest
class WebchatServiceTest {

    @Autowired
    WebchatService webchat;
    @Autowired
    ChatProperties chatProperties;
    @Autowired
    ChatService chats;
    @Autowired
    ContactService contacts;
    @Autowired
    RoutingFixture fixture;

    @Test
    void aCustomerStartsAChatAndFindsItAgainWithItsTokenAfterAReload() {
        QueueInfo queue = fixture.queue(QueueKind.CHAT, 0, 0);
        UserSummary agent = fixture.readyAgents(1, queue).getFirst();
        WebchatService.Session session = webchat.start(queue.name(), "Grace", "+1 555 0107", "Do you ship to Canada?", new PublicClient("10.0.0.1", null));

        var transcript = webchat.transcript(session.token()).orElseThrow();
        assertThat(transcript.contactId()).isEqualTo(session.contactId());
        assertThat(transcript.customerName()).isEqualTo("Grace");
        assertThat(transcript.ended()).isFalse();
        assertThat(transcript.messages()).extracting(ChatMessage::body).containsExactly("Do you ship to Canada?");

        as(agent, () -> {
            contacts.accept(agent.id(), session.contactId());
            chats.send(agent.id(), session.contactId(), "Yes, we do.");
        });
        webchat.write(session.token(), "Great, thanks!");
        assertThat(webchat.transcript(session.token()).orElseThrow().messages())
                .extracting(ChatMessage::direction, ChatMessage::body)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Direction.IN, "Do you ship to Canada?"),
                        org.assertj.core.groups.Tuple.tuple(Direction.OUT, "Yes, we do."),
                        org.assertj.core.groups.Tuple.tuple(Direction.IN, "Great, thanks!"));
        // The phone number the customer gave lets the agent flip the chat to a call.
        assertThat(as(agent, () -> chats.flipToCall(agent.id(), session.contactId())).customerAddress()).isEqualTo("+15550107");
    }

    @Test
    void aChatPageIsFoundByItsQueuesNameOrItsSlug() {
        String name = "Help Desk " + RoutingFixture.unique("Q");
        QueueInfo queue = fixture.queue(org.switchboard.queue.QueueSettings.defaults(name, QueueKind.CHAT));
        assertThat(WebchatService.slug("Web Chat & Help")).isEqualTo("web-chat-help");
        assertThat(webchat.queue(name).id()).isEqualTo(queue.id());
        assertThat(webchat.queue(WebchatService.slug(name)).id()).isEqualTo(queue.id());
        assertThatThrownBy(() -> webchat.queue("help desk")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theCustomerEndsTheChatAndCanWriteNoMore() {
        QueueInfo queue = fixture.queue(QueueKind.CHAT, 0, 0);
        WebchatService.Session session = webchat.start(queue.name(), "Alan", null, "Hello", new PublicClient("10.0.0.2", null));
        webchat.end(session.token());
        assertThat(webchat.transcript(session.token()).orElseThrow().ended()).isTrue();
        assertThat(SystemUser.call(() -> contacts.get(session.contactId())).state()).isEqualTo(ContactState.ENDED);
        assertThatThrownBy(() -> webchat.write(session.token(), "wait")).isInstanceOf(ConflictException.class);
        webchat.end(session.token());   // ending twice is harmless
    }

    @Test
    void anUnknownTokenFindsNothingAndAnUnknownQueueHasNoPage() {
        assertThat(webchat.transcript("not-a-token")).isEmpty();
        assertThat(webchat.transcript(null)).isEmpty();
        assertThatThrownBy(() -> webchat.write("not-a-token", "hi")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> webchat.queue("No such chat")).isInstanceOf(NotFoundException.class);
        QueueInfo calls = fixture.queue(QueueKind.CALL, 0, 0);
        assertThatThrownBy(() -> webchat.queue(calls.name())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void badInputIsRefusedClearly() {
        QueueInfo queue = fixture.queue(QueueKind.CHAT, 0, 0);
        assertThatThrownBy(() -> webchat.start(queue.name(), " ", null, "Hello", new PublicClient("10.0.0.3", null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> webchat.start(queue.name(), "Ada", "call me maybe", "Hello", new PublicClient("10.0.0.3", null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("not a phone number");
        assertThatThrownBy(() -> webchat.start(queue.name(), "Ada", null, "x".repeat(2001), new PublicClient("10.0.0.3", null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 2000");
        WebchatService.Session session = webchat.start(queue.name(), "<script>alert(1)</script>", null, "<b>hi</b>", new PublicClient("10.0.0.3", null));
        // Stored as typed; the pages show it as text.
        assertThat(webchat.transcript(session.token()).orElseThrow().messages().getFirst().body()).isEqualTo("<b>hi</b>");
    }

    @Test
    void aCustomerWritingTooFastIsAskedToWait() {
        QueueInfo queue = fixture.queue(QueueKind.CHAT, 0, 0);
        WebchatService.Session session = webchat.start(queue.name(), "Speedy", null, "1", new PublicClient("10.0.0.4", null));
        assertThatThrownBy(() -> {
            for (int i = 0; i < 20; i++) {
                webchat.write(session.token(), "message " + i);
            }
        }).isInstanceOf(ConflictException.class).hasMessageContaining("too fast");
        assertThat(webchat.transcript(session.token()).orElseThrow().messages()).hasSizeLessThan(10);
    }

    @Test
    void oneBrowserCannotOpenChatsWithoutEnd() {
        QueueInfo queue = fixture.queue(QueueKind.CHAT, 0, 0);
        PublicClient browser = new PublicClient("10.9.9.9", "browser-0001");
        for (int i = 0; i < chatProperties.webchatStartsBurst(); i++) {
            webchat.start(queue.name(), "Flood " + i, null, "hi", browser);
        }
        assertThatThrownBy(() -> webchat.start(queue.name(), "One too many", null, "hi", browser))
                .isInstanceOf(ConflictException.class).hasMessageContaining("too fast");

        PublicClient unnamed = new PublicClient("10.9.9.8", "<not an id>");
        for (int i = 0; i < chatProperties.webchatStartsBurst(); i++) {
            webchat.start(queue.name(), "Unnamed " + i, null, "hi", unnamed);
        }
        assertThatThrownBy(() -> webchat.start(queue.name(), "Unnamed again", null, "hi", new PublicClient("10.9.9.8", null)))
                .as("without a usable browser id, the address counts as one browser")
                .isInstanceOf(ConflictException.class).hasMessageContaining("too fast");
    }

    @Test
    void customersBehindOneAddressEachHaveTheirBrowsersAllowanceUnderTheAddressCeiling() {
        QueueInfo queue = fixture.queue(QueueKind.CHAT, 0, 0);
        String office = "10.7.7.7";
        for (int i = 0; i < chatProperties.webchatAddressStartsBurst(); i++) {
            webchat.start(queue.name(), "Colleague " + i, null, "hi", new PublicClient(office, "colleague-" + (1000 + i)));
        }
        assertThatThrownBy(() -> webchat.start(queue.name(), "One too many", null, "hi",
                new PublicClient(office, "colleague-new-browser")))
                .as("the address's own ceiling").isInstanceOf(ConflictException.class).hasMessageContaining("too fast");
    }
}
