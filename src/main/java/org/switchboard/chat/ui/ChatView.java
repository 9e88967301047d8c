package org.switchboard.chat.ui;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.common.Formats;
import org.switchboard.common.Subscriptions;
import org.switchboard.chat.ChatFeed;
import org.switchboard.chat.ChatMessage;
import org.switchboard.chat.ChatService;
import org.switchboard.chat.Conversation;
import org.switchboard.common.CoalescedRefresh;
import org.switchboard.common.ScreenRefreshes;
import org.switchboard.contact.ContactService;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;
import org.switchboard.texts.TextMessageService;

/**
 * "Chat conversations": the agent's chats on the left (channel bubble, queue, customer, last
 * message, unread count; filter by tag), the selected one on the right to read and answer, and the
 * history of resolved chats. Everything follows the chat feed by push.
 */
@Route("chats")
@Menu(title = "chat.conversations.title", icon = "vaadin:chat", order = 15)
@RolesAllowed(Role.AGENT_ROLE)
class ChatView extends Main implements HasUrlParameter<Long>, HasDynamicTitle {

    static final long REPAINT_DELAY_MILLIS = 150;

    /** What the screen shows at one moment, loaded off the UI thread. */
    record Model(long loadedAs, List<Conversation> active, List<String> tagsInUse, Conversation selected,
            List<ChatMessage> messages) {
    }

    private final ChatService chats;
    private final ChatFeed feed;
    private final SignedInUser me;
    final Tabs tabs = new Tabs(new Tab(getTranslation("chat.conversations.active")), new Tab(getTranslation("chat.conversations.history")));
    final ConversationList list;
    final HistoryPanel history;
    final ChatThread thread;
    private Long selectedId;
    private final AtomicLong loads = new AtomicLong();
    private Model model;
    private final ScreenRefreshes refreshes;

    ChatView(ChatService chats, ChatFeed feed, ContactService contacts, TextMessageService texts,
            AuthenticationContext authentication, ScreenRefreshes refreshes) {
        this.chats = chats;
        this.refreshes = refreshes;
        this.feed = feed;
        this.me = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        addClassName("chat-view");
        Formats formats = Formats.current();
        list = new ConversationList(formats, this::select);
        history = new HistoryPanel(chats, formats, this::select);
        thread = new ChatThread(chats, contacts, texts, me, formats, this::reload);
        tabs.setId("chat-tabs");
        tabs.addSelectedChangeListener(e -> showTab());
        H2 heading = new H2(getTranslation("chat.view.conversations"));
        heading.addClassName("chat-side-heading");
        Div side = new Div(heading, tabs, list, history);
        side.addClassName("chat-side");
        add(side, thread);
        showTab();
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long contactId) {
        selectedId = contactId;
        reload();
    }

    void select(long contactId) {
        selectedId = contactId;
        getUI().ifPresentOrElse(ui -> ui.navigate(ChatView.class, contactId), this::reload);
    }

    /** Loads and shows the current state at once (after the user's own action). */
    void reload() {
        apply(load());
    }

    private Model load() {
        long loadedAs = loads.incrementAndGet();
        // Reading the open chat first, so the list shows it as read.
        List<ChatMessage> messages = selectedId == null ? List.of() : chats.read(selectedId);
        Conversation selected = selectedId == null ? null : chats.conversation(selectedId);
        return new Model(loadedAs, chats.conversationsOf(me.id()), chats.tagsInUse(), selected, messages);
    }

    private void apply(Model next) {
        // A pushed refresh loaded before the user's own action must not undo what that action showed.
        if (model != null && next.loadedAs() < model.loadedAs()) {
            return;
        }
        model = next;
        list.show(next.active(), next.tagsInUse(), selectedId);
        thread.show(next.selected(), next.messages());
    }

    private void showTab() {
        boolean active = tabs.getSelectedIndex() == 0;
        list.setVisible(active);
        history.setVisible(!active);
        if (!active) {
            history.refresh();
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        CoalescedRefresh<Model> refresh = refreshes.coalesced("the chats of agent " + me.id(), REPAINT_DELAY_MILLIS, this::load, this::apply);
        Subscriptions.untilDetached(this, feed.subscribe(update -> {
            boolean mine = update.concernsAgent(me.id());
            boolean open = selectedId != null && update.concernsChat(selectedId);
            if (mine || open) {
                refresh.request(ui, user);
            }
        }));
    }

    Model model() {
        return model;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("chat.conversations.title") + " | Switchboard";
    }
}
