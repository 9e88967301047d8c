package org.switchboard.chat.ui;

import java.util.Optional;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.switchboard.common.LanguageSwitch;
import org.switchboard.common.Formats;
import org.switchboard.common.Subscriptions;
import org.switchboard.chat.ChatFeed;
import org.switchboard.chat.ChatMessage;
import org.switchboard.chat.ChatService;
import org.switchboard.chat.Direction;
import org.switchboard.chat.WebchatService;
import org.switchboard.chat.WebchatService.Transcript;
import org.switchboard.common.CoalescedRefresh;
import org.switchboard.common.ScreenRefreshes;
import org.switchboard.common.NotFoundException;
import org.switchboard.common.PublicClient;
import org.switchboard.common.UserActions;

/**
 * The customer's webchat page, public: a name, an optional phone number and a first message start
 * the chat; the agent's replies arrive live. The session token lives in the browser's
 * localStorage, so a reload brings the conversation back. Text is always shown as text.
 */
@Route(value = "webchat/:queue", autoLayout = false)
@AnonymousAllowed
class WebchatView extends Main implements BeforeEnterObserver, HasDynamicTitle {


    final TextField name = new TextField(getTranslation("chat.webchat.name"));
    final TextField phone = new TextField(getTranslation("chat.webchat.phone"));
    final TextArea first = new TextArea(getTranslation("chat.webchat.first"));
    final Button start = new Button(getTranslation("chat.webchat.start"));
    final Div startForm;
    final Div messages = new Div();
    final TextField message = new TextField();
    final Button send = new Button(getTranslation("chat.thread.send"));
    final Button end = new Button(getTranslation("chat.webchat.end"));
    final Span status = new Span();
    final Div conversation;
    private final H1 heading = new H1();
    private final WebchatService webchat;
    private final ChatFeed feed;
    private final Formats formats;
    private String queueName;
    private String token;
    /** This browser's id from its localStorage, once the page has asked for it. */
    private String browserId;
    private Long contactId;
    private final CoalescedRefresh<Optional<Transcript>> refresh;

    WebchatView(WebchatService webchat, ChatFeed feed, ScreenRefreshes refreshes) {
        this.webchat = webchat;
        this.feed = feed;
        this.refresh = refreshes.coalesced("a customer's webchat transcript", 100, () -> webchat.transcript(token), this::show);
        this.formats = Formats.current();
        addClassName("webchat");
        name.setId("webchat-name");
        name.setMaxLength(100);
        name.setRequired(true);
        phone.setId("webchat-phone");
        phone.setMaxLength(25);
        first.setId("webchat-first");
        first.setMaxLength(ChatService.MAX_TEXT);
        start.setId("webchat-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> startChat());
        startForm = new Div(name, phone, first, start);
        startForm.addClassName("webchat-start");

        ChatComposer.log(messages, "webchat");
        ChatComposer.composer(message, send, "webchat", getTranslation("chat.webchat.placeholder"), this::sendMessage);
        message.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        end.setId("webchat-end");
        end.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        end.addClickListener(e -> endChat());
        status.setId("webchat-status");
        status.addClassName("webchat-status");
        Div compose = new Div(message, send);
        compose.addClassName("chat-compose-row");
        conversation = new Div(status, messages, compose, end);
        conversation.addClassName("webchat-conversation");
        add(new LanguageSwitch(), heading, startForm, conversation);
        conversation.setVisible(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // Route parameters arrive as typed in the address bar: "Web%20Chat" means "Web Chat".
        String requested = java.net.URLDecoder.decode(event.getRouteParameters().get("queue").orElse("").replace("+", "%2B"),
                java.nio.charset.StandardCharsets.UTF_8);
        try {
            queueName = webchat.queue(requested).name();
        } catch (NotFoundException e) {
            heading.setText(getTranslation("chat.webchat.chat"));
            startForm.setVisible(false);
            add(new Paragraph(e.in(getLocale())));
            return;
        }
        heading.setText(getTranslation("chat.webchat.chat-with", queueName));
    }

    @Override
    public String getPageTitle() {
        return queueName == null ? getTranslation("chat.webchat.chat") : getTranslation("chat.webchat.chat-with", queueName);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        Subscriptions.untilDetached(this, feed.subscribe(update -> {
            if (contactId != null && update.concernsChat(contactId)) {
                // The customer is anonymous: the page loads as nobody.
                refresh.request(ui, null);
            }
        }));
        if (queueName != null) {
            getElement().executeJs("return localStorage.getItem($0)", storageKey())
                    .then(String.class, this::restore);
            // Starts are limited per browser, not per company network.
            PublicClient.askBrowserId(this, id -> browserId = id);
        }
    }

    /** A reloaded page: the stored token finds the conversation again. */
    void restore(String storedToken) {
        token = storedToken;
        Optional<Transcript> transcript = webchat.transcript(storedToken);
        if (transcript.isEmpty()) {
            token = null;
        }
        show(transcript);
    }

    private void startChat() {
        PublicClient client = new PublicClient(
                VaadinRequest.getCurrent() == null ? "" : VaadinRequest.getCurrent().getRemoteAddr(), browserId);
        UserActions.run(() -> {
            WebchatService.Session session = webchat.start(queueName, name.getValue(), phone.getValue(), first.getValue(), client);
            token = session.token();
            getElement().executeJs("localStorage.setItem($0, $1)", storageKey(), token);
            first.clear();
            show(webchat.transcript(token));
        });
    }

    private void sendMessage() {
        if (token == null) {
            return;
        }
        if (UserActions.run(() -> webchat.write(token, message.getValue()))) {
            message.clear();
            show(webchat.transcript(token));
        }
    }

    private void endChat() {
        if (token != null && UserActions.run(() -> webchat.end(token))) {
            show(webchat.transcript(token));
        }
    }

    /** Forgets the ended chat, so the customer can start another. */
    private void startOver() {
        getElement().executeJs("localStorage.removeItem($0)", storageKey());
        token = null;
        show(Optional.empty());
    }

    void show(Optional<Transcript> transcript) {
        contactId = transcript.map(Transcript::contactId).orElse(null);
        startForm.setVisible(transcript.isEmpty() && queueName != null);
        conversation.setVisible(transcript.isPresent());
        if (transcript.isEmpty()) {
            return;
        }
        Transcript t = transcript.get();
        messages.removeAll();
        for (ChatMessage m : t.messages()) {
            messages.add(bubble(m));
        }
        messages.getElement().executeJs("this.scrollTop = this.scrollHeight");
        status.removeAll();
        if (t.ended()) {
            Button again = new Button(getTranslation("chat.webchat.again"), e -> startOver());
            again.setId("webchat-again");
            status.add(new Span(getTranslation("chat.webchat.ended")), again);
            status.addClassName("ended");
        } else {
            status.setText(getTranslation(t.messages().stream().anyMatch(m -> m.direction() == Direction.OUT)
                    ? "chat.webchat.chatting" : "chat.webchat.waiting"));
            status.removeClassName("ended");
        }
        message.setEnabled(!t.ended());
        send.setEnabled(!t.ended());
        end.setVisible(!t.ended());
    }

    /** Seen from the customer: their own messages on the right, the agent's on the left. */
    private MessageBubble bubble(ChatMessage m) {
        boolean mine = m.direction() == Direction.IN;
        return new MessageBubble(m, mine ? getTranslation("chat.webchat.you")
                : m.authorName() == null ? getTranslation("chat.webchat.agent") : m.authorName(), mine, formats);
    }

    private String storageKey() {
        return "switchboard.webchat." + queueName;
    }
}
