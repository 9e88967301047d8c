package org.switchboard.chat.ui;

import java.time.ZoneId;
import java.util.List;
import java.util.function.LongConsumer;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.switchboard.chat.ChatHistoryQuery;
import org.switchboard.chat.ChatService;
import org.switchboard.chat.Conversation;
import org.switchboard.common.ValidationException;

/** Resolved chats, searched by customer, tag and dates; choosing one opens its transcript. */
class HistoryPanel extends Div {

    final TextField customer = new TextField();
    final ComboBox<String> tag = new ComboBox<>();
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final Div results = new Div();
    private final ChatService chats;
    private final ZoneId zone;
    private final LongConsumer onSelect;

    HistoryPanel(ChatService chats, ZoneId zone, LongConsumer onSelect) {
        this.chats = chats;
        this.zone = zone;
        this.onSelect = onSelect;
        addClassName("chat-history");
        customer.setPlaceholder("Customer name or number");
        customer.setAriaLabel("Customer");
        customer.setPrefixComponent(VaadinIcon.SEARCH.create());
        customer.setClearButtonVisible(true);
        customer.setValueChangeMode(ValueChangeMode.LAZY);
        customer.setWidthFull();
        tag.setPlaceholder("All tags");
        tag.setAriaLabel("Tag");
        tag.setId("history-tag");
        tag.setClearButtonVisible(true);
        tag.setWidthFull();
        customer.addValueChangeListener(e -> search());
        tag.addValueChangeListener(e -> search());
        from.addValueChangeListener(e -> search());
        to.addValueChangeListener(e -> search());
        Div dates = new Div(from, to);
        dates.addClassName("chat-history-dates");
        results.setId("chat-history-results");
        results.getElement().setAttribute("role", "list");
        add(customer, tag, dates, results);
    }

    /** Offers the tags in use now and searches again. */
    void refresh() {
        String chosen = tag.getValue();
        tag.setItems(chats.tagsInUse());
        tag.setValue(chosen);
        search();
    }

    void search() {
        results.removeAll();
        List<Conversation> found;
        try {
            found = chats.history(new ChatHistoryQuery(customer.getValue(), tag.getValue(), from.getValue(), to.getValue()));
        } catch (ValidationException e) {
            results.add(new Span(e.getMessage()));
            return;
        }
        if (found.isEmpty()) {
            Span empty = new Span("No resolved chats match.");
            empty.addClassName("empty-state");
            results.add(empty);
        }
        found.forEach(c -> results.add(ConversationList.item(c, false, zone, onSelect)));
    }
}
