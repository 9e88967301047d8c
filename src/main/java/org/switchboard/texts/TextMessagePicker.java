package org.switchboard.texts;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * A dialog listing the signed-in user's own and the public pre-saved text messages with search and a
 * category filter. Choosing one (click a row) closes the dialog and hands its text, with placeholders
 * filled from the given {@link PlaceholderContext}, to the callback. The saved message never changes.
 *
 * <pre>{@code
 * new TextMessagePicker(textMessageService, new PlaceholderContext(customer, agent, queue),
 *         text -> messageField.setValue(text)).open();
 * }</pre>
 */
public class TextMessagePicker extends Dialog {

    final TextField search = new TextField();
    final ComboBox<String> category = new ComboBox<>();
    final Grid<TextMessage> grid = new Grid<>();
    private final TextMessageService texts;

    public TextMessagePicker(TextMessageService texts, PlaceholderContext context, Consumer<String> onChosen) {
        this.texts = texts;
        setHeaderTitle(getTranslation("texts.library.title"));
        setWidth("min(48rem, 100vw)");
        setHeight("min(36rem, 100vh)");

        search.setPlaceholder(getTranslation("texts.library.search"));
        search.setAriaLabel(getTranslation("texts.library.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        category.setPlaceholder(getTranslation("texts.library.all-categories"));
        category.setAriaLabel(getTranslation("texts.library.category"));
        category.setClearButtonVisible(true);
        category.setItems(texts.categories());
        category.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(search, category);
        filters.setWidthFull();
        filters.setFlexGrow(1, search);

        grid.addColumn(TextMessage::shortcut).setHeader(getTranslation("texts.library.shortcut")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TextMessage::title).setHeader(getTranslation("texts.library.message-title")).setFlexGrow(1);
        grid.addColumn(m -> getTranslation(m.isPublic() ? "texts.library.public" : "texts.library.personal"))
                .setHeader(getTranslation("texts.library.owner")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> m.snippet(50)).setHeader(getTranslation("texts.library.text")).setFlexGrow(2);
        grid.setEmptyStateText(getTranslation("texts.library.none-match"));
        grid.addItemClickListener(e -> {
            String text = texts.fill(e.getItem().id(), context);
            close();
            onChosen.accept(text);
        });
        grid.setHeight("100%");
        add(filters, grid);
        getFooter().add(new Button(getTranslation("common.action.cancel"), e -> close()));
        refresh();
    }

    private void refresh() {
        grid.setItems(texts.list(search.getValue(), category.getValue()));
    }
}
