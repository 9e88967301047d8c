package org.switchboard.chat.ui;

import java.util.List;
import java.util.function.LongConsumer;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.switchboard.common.Formats;
import org.switchboard.chat.ChannelBadge;
import org.switchboard.chat.Conversation;
import org.switchboard.contact.ContactState;

/** The agent's conversations: channel bubble, queue, customer, last message and unread count; filter by tag. */
class ConversationList extends Div {

    final ComboBox<String> tag = new ComboBox<>();
    final Div items = new Div();
    private final Formats formats;
    private final LongConsumer onSelect;
    private List<Conversation> all = List.of();
    private Long selectedId;

    ConversationList(Formats formats, LongConsumer onSelect) {
        this.formats = formats;
        this.onSelect = onSelect;
        addClassName("conversation-list");
        tag.setPlaceholder(getTranslation("chat.list.all-tags"));
        tag.setAriaLabel(getTranslation("chat.list.filter-by-tag"));
        tag.setClearButtonVisible(true);
        tag.setWidthFull();
        tag.addValueChangeListener(e -> render());
        items.setId("conversations");
        items.getElement().setAttribute("role", "list");
        add(tag, items);
    }

    void show(List<Conversation> conversations, List<String> tagsInUse, Long selected) {
        all = conversations;
        selectedId = selected;
        String chosen = tag.getValue();
        tag.setItems(tagsInUse);
        if (chosen != null && tagsInUse.contains(chosen)) {
            tag.setValue(chosen);
        }
        render();
    }

    private void render() {
        items.removeAll();
        String filter = tag.getValue();
        List<Conversation> shown = all.stream().filter(c -> filter == null || c.tags().contains(filter)).toList();
        if (shown.isEmpty()) {
            Span empty = new Span(filter == null ? getTranslation("chat.list.none-open")
                    : getTranslation("chat.list.none-with-tag", filter));
            empty.addClassName("empty-state");
            items.add(empty);
        }
        shown.forEach(c -> items.add(item(c, selectedId != null && c.contactId() == selectedId, formats, onSelect)));
    }

    static Div item(Conversation c, boolean selected, Formats formats, LongConsumer onSelect) {
        Span queue = new Span(c.queueName());
        queue.addClassName("conversation-queue");
        Div top = new Div(new ChannelBadge(c.channel()), queue);
        top.addClassName("conversation-top");
        // Unread counts call the agent to an open chat; a resolved one (in the history) has nothing to answer.
        if (c.unread() > 0 && c.state() != ContactState.ENDED) {
            Span unread = new Span(Integer.toString(c.unread()));
            unread.getElement().setAttribute("theme", "badge primary pill");
            unread.getElement().setAttribute("aria-label", unread.getTranslation("chat.list.unread", c.unread()));
            unread.addClassName("conversation-unread");
            top.add(unread);
        }
        Span customer = new Span(c.customer());
        customer.addClassName("conversation-customer");
        Span when = new Span(c.lastMessageAt() == null ? "" : formats.time(c.lastMessageAt()));
        when.addClassName("conversation-time");
        Span last = new Span();
        last.setText(c.state() == ContactState.OFFERED ? last.getTranslation("chat.list.offered-to-you", c.lastMessage()) : c.lastMessage());
        last.addClassName("conversation-last");
        Div item = new Div(top, new Div(customer, when), last);
        if (!c.tags().isEmpty()) {
            Span tags = new Span(String.join(" · ", c.tags()));
            tags.addClassName("conversation-tags");
            item.add(tags);
        }
        item.addClassName("conversation");
        if (selected) {
            item.addClassName("selected");
        }
        item.getElement().setAttribute("role", "listitem");
        item.getElement().setAttribute("tabindex", "0");
        item.addClickListener(e -> onSelect.accept(c.contactId()));
        // Focusable by Tab, so Enter and Space open it as a click does
        item.getElement().addEventListener("keydown", e -> onSelect.accept(c.contactId()))
                .setFilter("event.key === 'Enter' || event.key === ' '").preventDefault();
        return item;
    }
}
