package org.switchboard.chat;

import java.util.Locale;

import java.util.concurrent.atomic.AtomicReference;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.common.Message;
import org.switchboard.common.Translations;
import org.switchboard.common.Subscriptions;
import org.switchboard.common.CoalescedRefresh;
import org.switchboard.common.ScreenRefreshes;
import org.switchboard.contact.ContactState;

/**
 * The chat pop-up at the bottom left of every screen: when a chat is offered to the agent or a
 * customer writes, it shows the channel, queue, the customer's name and the agent's number of
 * unread chats, with a tone if the agent turned it on. Clicking it opens the conversation; it
 * hides itself after {@link #SHOW_MILLIS}.
 */
@JavaScript("context://assets/sb-clock.js")
public class ChatPopup extends Div {

    static final int SHOW_MILLIS = 12_000;

    /** What the pop-up shows for one update. */
    public record Shown(long contactId, String title, int unreadChats, MessageTone tone) {
    }

    private final ChatService chats;
    private final ChatFeed feed;
    private final long agentId;
    private final Span title = new Span();
    private final Span unread = new Span();
    /**
     * What screen readers announce: a live region that stays in the page while the pop-up hides (a
     * region that appears with its text is not reliably read), placed by the layout beside it.
     */
    private final Span announcement = new Span();
    private final ScreenRefreshes refreshes;
    private long contactId;
    /** The screen's language, for the titles made off the UI thread. */
    private Locale locale = Translations.ENGLISH;

    public ChatPopup(ChatService chats, ChatFeed feed, ScreenRefreshes refreshes, long agentId) {
        this.chats = chats;
        this.refreshes = refreshes;
        this.feed = feed;
        this.agentId = agentId;
        setId("chat-popup");
        addClassName("chat-popup");
        announcement.setId("chat-announcement");
        announcement.addClassName("visually-hidden");
        announcement.getElement().setAttribute("aria-live", "polite");
        announcement.getElement().setAttribute("role", "status");
        title.addClassName("chat-popup-title");
        unread.addClassName("chat-popup-unread");
        Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> dismiss());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        close.setAriaLabel(getTranslation("common.action.close"));
        Div text = new Div(title, unread);
        text.addClassName("chat-popup-text");
        text.addClickListener(e -> open());
        add(VaadinIcon.CHAT.create(), text, close);
        setVisible(false);
    }

    public String title() {
        return title.getText();
    }

    /** The live region that announces the pop-up's news to screen readers; the layout places it. */
    public Span announcement() {
        return announcement;
    }

    public String unreadText() {
        return unread.getText();
    }

    /** Shows the update and starts the timer that hides it; the tone plays when the user turned it on. */
    public void show(Shown shown) {
        contactId = shown.contactId();
        title.setText(shown.title());
        unread.setText(getTranslation("chat.popup.unread", shown.unreadChats()));
        announcement.setText(shown.title() + ". " + unread.getText() + ".");
        setVisible(true);
        getElement().executeJs("clearTimeout(this._hide); this._hide = setTimeout(() => this.$server.dismiss(), $0);"
                + "if ($1 && window.sbMessageTone) { window.sbMessageTone($2, $3); }", SHOW_MILLIS, shown.tone().on(),
                shown.tone().sound().name(), shown.tone().volume());
    }

    /** Opens the conversation in the chat view. */
    public void open() {
        setVisible(false);
        getUI().ifPresent(ui -> ui.navigate("chats/" + contactId));
    }

    @ClientCallable
    void dismiss() {
        setVisible(false);
    }

    /** Builds what to show for an update concerning this agent; runs on the refresh thread. */
    Shown load(ChatFeed.Update update) {
        Conversation chat = chats.conversation(update.contactId());
        String title = update.kind() == ChatFeed.Kind.STATE
                ? Translations.translate(locale, "chat.popup.new-chat", Message.of(ChannelBadge.key(chat.channel())),
                        chat.queueName(), chat.customer())
                : chat.customer() + " · " + chat.queueName() + ": " + update.preview();
        return new Shown(update.contactId(), title, chats.unreadChats(agentId), chats.messageTone(agentId));
    }

    /** A customer's message in one of the agent's chats, or a chat offered to the agent. */
    boolean concerns(ChatFeed.Update update) {
        boolean mine = update.agentId() != null && update.agentId() == agentId;
        return mine && (update.kind() == ChatFeed.Kind.MESSAGE_IN
                || update.kind() == ChatFeed.Kind.STATE && update.state() == ContactState.OFFERED);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        AtomicReference<ChatFeed.Update> latest = new AtomicReference<>();
        UI ui = event.getUI();
        locale = ui.getLocale();
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        CoalescedRefresh<Shown> refresh = refreshes.coalesced("the chat pop-up of agent " + agentId, 150,
                () -> load(latest.get()), this::show);
        Subscriptions.untilDetached(this, feed.subscribe(update -> {
            if (concerns(update)) {
                latest.set(update);
                refresh.request(ui, user);
            }
        }));
    }

}
