package org.switchboard.chat.ui;

import java.util.List;
import java.util.function.LongConsumer;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.switchboard.common.Formats;
import org.switchboard.common.ComponentTexts;
import org.switchboard.chat.ChatHistoryQuery;
import org.switchboard.chat.ChatService;
import org.switchboard.chat.Conversation;
import org.switchboard.common.ValidationException;

/** Resolved chats, searched by customer, tag and dates; choosing one opens its transcript. */
class HistoryPanel extends Div {

    final TextField customer = new TextField();
    final ComboBox<String> tag = new ComboBox<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Div results = new Div();
    private final ChatService chats;
    private final Formats formats;
    private final LongConsumer onSelect;

    HistoryPanel(ChatService chats, Formats formats, LongConsumer onSelect) {
        this.chats = chats;
        this.formats = formats;
        from.setLabel(getTranslation("chat.history.from"));
        to.setLabel(getTranslation("chat.history.to"));
        ComponentTexts.datePicker(from, formats);
        ComponentTexts.datePicker(to, formats);
        this.onSelect = onSelect;
        addClassName("chat-history");
        customer.setPlaceholder(getTranslation("chat.history.customer-placeholder"));
        customer.setAriaLabel(getTranslation("chat.history.customer"));
        customer.setPrefixComponent(VaadinIcon.SEARCH.create());
        customer.setClearButtonVisible(true);
        customer.setValueChangeMode(ValueChangeMode.LAZY);
        customer.setWidthFull();
        tag.setPlaceholder(getTranslation("chat.list.all-tags"));
        tag.setAriaLabel(getTranslation("chat.history.tag"));
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
            results.add(new Span(e.in(getLocale())));
            return;
        }
        if (found.isEmpty()) {
            Span empty = new Span(getTranslation("chat.history.none"));
            empty.addClassName("empty-state");
            results.add(empty);
        }
        found.forEach(c -> results.add(ConversationList.item(c, false, formats, onSelect)));
    }
}
