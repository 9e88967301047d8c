package org.switchboard.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.RoutingFixture.as;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.common.ScreenRefreshes;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.NewContact;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;

/** The pop-up at the bottom left: what it reacts to, what it says, the tone setting and opening the chat. */
@SwitchboardTest
@ViewPackages(packages = "org.switchboard.chat.ui")
class ChatPopupTest extends SpringBrowserlessTest {

    @Autowired
    ChatService chats;
    @Autowired
    ChatFeed feed;
    @Autowired
    ScreenRefreshes refreshes;
    @Autowired
    ContactService contacts;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aNewChatAndACustomersMessageShowTheCustomerQueueAndUnreadChats() {
        QueueInfo queue = fixture.queue(QueueKind.CHAT, 0, 0);
        UserSummary agent = fixture.readyAgents(1, queue).getFirst();
        ContactView chat = SystemUser.call(() -> chats.start(new NewContact(queue.name(), ContactType.CHAT, Channel.SMS,
                "Hedy", "+15550150"), "Hi"));
        ChatPopup popup = new ChatPopup(chats, feed, refreshes, agent.id());
        UI.getCurrent().add(popup);
        assertThat(popup.isVisible()).isFalse();

        ChatFeed.Update offered = new ChatFeed.Update(chat.id(), agent.id(), queue.id(), ChatFeed.Kind.STATE, ContactState.OFFERED, null, null);
        assertThat(popup.concerns(offered)).isTrue();
        as(agent, () -> popup.show(popup.load(offered)));
        assertThat(popup.isVisible()).isTrue();
        assertThat(popup.title()).isEqualTo("New SMS chat · " + queue.name() + " · Hedy");
        assertThat(popup.unreadText()).isEqualTo("1 unread chat");
        assertThat(popup.announcement().getElement().getAttribute("aria-live")).isEqualTo("polite");
        assertThat(popup.announcement().getText()).isEqualTo("New SMS chat · " + queue.name() + " · Hedy. 1 unread chat.");

        ChatFeed.Update written = new ChatFeed.Update(chat.id(), agent.id(), queue.id(), ChatFeed.Kind.MESSAGE_IN, null, "Hedy", "Anyone?");
        assertThat(as(agent, () -> popup.load(written)).title()).isEqualTo("Hedy · " + queue.name() + ": Anyone?");

        popup.open();
        assertThat(popup.isVisible()).isFalse();
        assertThat(UI.getCurrent().getActiveViewLocation().getPath()).isEqualTo("chats/" + chat.id());
    }

    @Test
    void otherAgentsChatsAndTheAgentsOwnRepliesDoNotPopUp() {
        ChatPopup popup = new ChatPopup(chats, feed, refreshes, 42);
        assertThat(popup.concerns(new ChatFeed.Update(1, 43L, 1L, ChatFeed.Kind.MESSAGE_IN, null, "x", "y"))).isFalse();
        assertThat(popup.concerns(new ChatFeed.Update(1, null, 1L, ChatFeed.Kind.STATE, ContactState.QUEUED, null, null))).isFalse();
        assertThat(popup.concerns(new ChatFeed.Update(1, 42L, 1L, ChatFeed.Kind.MESSAGE_OUT, null, "x", "y"))).isFalse();
        assertThat(popup.concerns(new ChatFeed.Update(1, 42L, 1L, ChatFeed.Kind.STATE, ContactState.ENDED, null, null))).isFalse();
        assertThat(popup.concerns(new ChatFeed.Update(1, 42L, 1L, ChatFeed.Kind.MESSAGE_IN, null, "x", "y"))).isTrue();
    }

    @Test
    void theToneItsSoundAndVolumeAreEachUsersOwnSetting() {
        UserSummary agent = fixture.user(org.switchboard.security.Role.AGENT);
        UserSummary other = fixture.user(org.switchboard.security.Role.AGENT);
        MessageTone bell = new MessageTone(true, MessageTone.Sound.BELL, 30);
        as(agent, () -> {
            assertThat(chats.messageTone(agent.id())).isEqualTo(MessageTone.DEFAULT);
            chats.setMessageTone(agent.id(), bell);
            assertThat(chats.messageTone(agent.id())).isEqualTo(bell);
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> as(other, () -> chats.setMessageTone(agent.id(), MessageTone.DEFAULT)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        as(agent, () -> assertThat(chats.messageTone(agent.id())).isEqualTo(bell));
    }

    @Test
    void aToneWithoutASoundOrWithAVolumeOutOfRangeIsRefusedAndChangesNothing() {
        UserSummary agent = fixture.user(org.switchboard.security.Role.AGENT);
        as(agent, () -> {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> chats.setMessageTone(agent.id(), new MessageTone(true, null, 50)))
                    .isInstanceOf(org.switchboard.common.ValidationException.class).hasMessage("Choose one of the tones.");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> chats.setMessageTone(agent.id(),
                    new MessageTone(true, MessageTone.Sound.SOFT, 101))).hasMessage("The volume goes from 0 to 100.");
            assertThat(chats.messageTone(agent.id())).isEqualTo(MessageTone.DEFAULT);
        });
    }

    @Test
    void theDatabaseRefusesAVolumeOutsideZeroToAHundred() {
        UserSummary agent = fixture.user(org.switchboard.security.Role.AGENT);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "INSERT INTO chat_preference (user_id, message_tone, tone_sound, tone_volume) VALUES (?, TRUE, 'BELL', 120)")
                .param(agent.id()).update()).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }
}
