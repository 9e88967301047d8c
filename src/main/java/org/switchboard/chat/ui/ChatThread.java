package org.switchboard.chat.ui;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.switchboard.common.Formats;
import org.switchboard.chat.ChannelBadge;
import org.switchboard.chat.ChatMessage;
import org.switchboard.chat.ChatService;
import org.switchboard.chat.Conversation;
import org.switchboard.chat.Direction;
import org.switchboard.common.UserActions;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactState;
import org.switchboard.security.SignedInUser;
import org.switchboard.texts.PlaceholderContext;
import org.switchboard.texts.ShortcutSuggestions;
import org.switchboard.texts.TextMessagePicker;
import org.switchboard.texts.TextMessageService;

/**
 * One chat: its customer, channel, queue and tags with the actions (accept, call, meeting room,
 * resolve), the messages, and, while the chat is the agent's and active, the message field with
 * the pre-saved texts (the chat icon, or a /shortcut as you type). Enter sends.
 */
class ChatThread extends Div {


    final H2 customer = new H2();
    final Div meta = new Div();
    final Div tags = new Div();
    final Div actions = new Div();
    final Div messages = new Div();
    final TextField message = new TextField();
    final Button send = new Button(VaadinIcon.PAPERPLANE.create());
    final Button library = new Button(VaadinIcon.COMMENT_ELLIPSIS_O.create());
    final ShortcutSuggestions suggestions;
    final Div composer;
    private final Div empty = new Div();
    private final Div content;
    private final ChatService chats;
    private final ContactService contacts;
    private final TextMessageService texts;
    private final SignedInUser me;
    private final Formats formats;
    private final Runnable onChange;
    private Conversation chat;

    ChatThread(ChatService chats, ContactService contacts, TextMessageService texts, SignedInUser me, Formats formats,
            Runnable onChange) {
        this.chats = chats;
        this.contacts = contacts;
        this.texts = texts;
        this.me = me;
        this.formats = formats;
        send.setText(getTranslation("chat.thread.send"));
        empty.add(new Span(getTranslation("chat.thread.select-a-chat")));
        this.onChange = onChange;
        addClassName("chat-thread");
        customer.setId("chat-customer");
        meta.addClassName("chat-meta");
        tags.addClassName("chat-tags");
        tags.setId("chat-tags");
        actions.addClassName("chat-actions");
        ChatComposer.log(messages, "chat");

        ChatComposer.composer(message, send, "chat", getTranslation("chat.thread.placeholder"), this::sendMessage);
        suggestions = new ShortcutSuggestions(message, texts, me.id(), this::placeholders);
        library.setId("chat-texts");
        library.setAriaLabel(getTranslation("chat.thread.pre-saved-texts"));
        library.setTooltipText(getTranslation("chat.thread.pre-saved-texts"));
        library.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        library.addClickListener(e -> new TextMessagePicker(texts, placeholders(), message::setValue).open());
        Div row = new Div(library, message, send);
        row.addClassName("chat-compose-row");
        composer = new Div(suggestions, row);
        composer.addClassName("chat-composer");
        composer.setId("chat-composer");

        empty.addClassName("empty-state");
        Div head = new Div(new Div(customer, meta), actions);
        head.addClassName("chat-head");
        content = new Div(head, tags, messages, composer);
        content.addClassName("chat-content");
        add(empty, content);
        show(null, List.of());
    }

    void show(Conversation next, List<ChatMessage> thread) {
        boolean switched = chat == null || next == null || chat.contactId() != next.contactId();
        chat = next;
        empty.setVisible(next == null);
        content.setVisible(next != null);
        if (next == null) {
            return;
        }
        customer.setText(next.customer());
        meta.removeAll();
        meta.add(new ChannelBadge(next.channel()), new Span(next.queueName()),
                new Span(next.customerName() != null && next.customerAddress() != null ? next.customerAddress() : ""),
                new Span(getTranslation(stateKey(next))));
        showTags(next);
        showActions(next);
        messages.removeAll();
        thread.forEach(m -> messages.add(bubble(m)));
        messages.getElement().executeJs("this.scrollTop = this.scrollHeight");
        boolean mineAndActive = next.active() && next.agentId() != null && next.agentId() == me.id();
        composer.setVisible(mineAndActive);
        if (switched) {
            message.clear();
        }
        if (mineAndActive && switched) {
            message.focus();
        }
    }

    private void showActions(Conversation c) {
        actions.removeAll();
        boolean mine = c.agentId() != null && c.agentId() == me.id();
        if (mine && c.state() == ContactState.OFFERED) {
            Button accept = new Button(getTranslation("dashboard.chat.accept"), VaadinIcon.CHECK.create(),
                    e -> act(() -> contacts.accept(me.id(), c.contactId())));
            accept.setId("chat-accept");
            accept.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
            actions.add(accept);
        }
        if (mine && c.active()) {
            actions.add(
                    icon(VaadinIcon.PHONE, "chat.thread.call-customer", "chat-call", () -> {
                        var call = chats.flipToCall(me.id(), c.contactId());
                        UserActions.success("chat.thread.calling", call.customerAddress());
                    }),
                    icon(VaadinIcon.MOVIE, "chat.thread.invite-to-meeting", "chat-meeting",
                            () -> chats.inviteToMeeting(me.id(), c.contactId())));
            Button resolve = new Button(getTranslation("dashboard.chat.resolve"), VaadinIcon.CHECK_CIRCLE.create(),
                    e -> act(() -> chats.resolve(me.id(), c.contactId())));
            resolve.setId("chat-resolve");
            resolve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(resolve);
        }
    }

    /** An icon button whose label (a bundle key) is its tooltip and its accessible name. */
    private Button icon(VaadinIcon icon, String labelKey, String id, Runnable action) {
        Button button = new Button(icon.create(), e -> act(action));
        button.setId(id);
        String label = getTranslation(labelKey);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        return button;
    }

    private void showTags(Conversation c) {
        tags.removeAll();
        for (String tag : c.tags()) {
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> act(() -> chats.removeTag(c.contactId(), tag)));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL);
            remove.setAriaLabel(getTranslation("chat.thread.remove-tag", tag));
            Span chip = new Span(new Span(tag), remove);
            chip.getElement().setAttribute("theme", "badge contrast pill");
            chip.addClassName("chat-tag");
            tags.add(chip);
        }
        Button add = new Button(getTranslation("chat.thread.add-tag"), e -> askForTag(c));
        add.setId("chat-add-tag");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        tags.add(add);
    }

    private void askForTag(Conversation c) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("chat.thread.add-tag"));
        ComboBox<String> tag = new ComboBox<>(getTranslation("chat.history.tag"));
        tag.setId("chat-tag-input");
        tag.setItems(chats.tagsInUse());
        tag.setAllowCustomValue(true);
        tag.addCustomValueSetListener(e -> tag.setValue(e.getDetail()));
        tag.setHelperText(getTranslation("chat.thread.tag-helper"));
        tag.setWidthFull();
        Button save = new Button(getTranslation("common.action.add"), e -> {
            if (UserActions.run(() -> chats.addTag(c.contactId(), tag.getValue()))) {
                dialog.close();
                onChange.run();
            }
        });
        save.setId("chat-tag-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(tag);
        dialog.getFooter().add(new Button(getTranslation("common.action.cancel"), e -> dialog.close()), save);
        dialog.open();
        tag.focus();
    }

    private void sendMessage() {
        if (chat == null || !composer.isVisible()) {
            return;
        }
        long contactId = chat.contactId();
        if (UserActions.run(() -> chats.send(me.id(), contactId, message.getValue()))) {
            message.clear();
            onChange.run();
        }
    }

    private void act(Runnable action) {
        if (UserActions.run(action)) {
            onChange.run();
        }
    }

    private PlaceholderContext placeholders() {
        return chat == null ? PlaceholderContext.NONE : new PlaceholderContext(chat.customerName(), me.displayName(), chat.queueName());
    }

    private MessageBubble bubble(ChatMessage m) {
        boolean fromCustomer = m.direction() == Direction.IN;
        MessageBubble bubble = new MessageBubble(m, fromCustomer ? (m.authorName() == null ? chat.customer() : m.authorName())
                : m.authorName(), !fromCustomer, formats);
        if (m.delivery() != null) {
            bubble.note(getTranslation(switch (m.delivery()) {
                case QUEUED -> "chat.delivery.sending";
                case SENT -> "chat.delivery.sent";
                case FAILED -> "chat.delivery.failed";
            }), "delivery-" + m.delivery().name().toLowerCase(Locale.ROOT));
        }
        for (ChatMessage.Attachment a : m.attachments()) {
            Image image = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(chats.attachmentContent(a.id())), a.fileName(), a.contentType(), a.sizeBytes())),
                    a.fileName());
            image.addClassName("msg-image");
            bubble.add(image);
        }
        return bubble;
    }

    private static String stateKey(Conversation c) {
        return switch (c.state()) {
            case QUEUED -> "chat.state.queued";
            case OFFERED -> "chat.state.offered";
            case CONNECTED -> "chat.state.active";
            case WRAP_UP, ENDED -> "chat.state.resolved";
        };
    }
}
