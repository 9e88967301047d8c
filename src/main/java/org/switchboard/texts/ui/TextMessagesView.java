package org.switchboard.texts.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.switchboard.common.NarrowScreens;
import org.switchboard.common.UserActions;
import org.switchboard.security.SignedInUser;
import org.switchboard.texts.TextMessage;
import org.switchboard.texts.TextMessageService;

/** The user's pre-saved text messages and the public ones, from the settings gear. */
@Route("settings/texts")
@PageTitle("Pre-saved text messages | Switchboard")
@Menu(title = "Pre-saved text messages", icon = "vaadin:comment-ellipsis", order = 910)
@PermitAll
class TextMessagesView extends Main {

    final TextField search = new TextField();
    final ComboBox<String> category = new ComboBox<>();
    final Grid<TextMessage> grid = new Grid<>();
    final Button add = new Button("+Add new pre-saved text message");
    private final TextMessageService texts;
    private final boolean managesPublic;

    TextMessagesView(TextMessageService texts, AuthenticationContext authenticationContext) {
        this.texts = texts;
        addClassName("page");
        SignedInUser user = authenticationContext.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        managesPublic = TextMessageService.managesPublic(user);

        search.setPlaceholder("Search title, shortcut or text");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setAriaLabel("Search");
        search.addValueChangeListener(e -> refresh());
        category.setPlaceholder("All categories");
        category.setAriaLabel("Category");
        category.setClearButtonVisible(true);
        category.addValueChangeListener(e -> refresh());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> open(null));

        HorizontalLayout toolbar = new HorizontalLayout(search, category, add);
        toolbar.setWidthFull();
        toolbar.setWrap(true);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        search.setMinWidth("14rem");
        toolbar.setFlexGrow(1, search);

        grid.addColumn(TextMessage::title).setHeader("Title").setFlexGrow(2).setSortable(true);
        grid.addColumn(TextMessage::shortcut).setHeader("Shortcut").setAutoWidth(true).setFlexGrow(0).setSortable(true);
        var categories = grid.addColumn(m -> String.join(", ", m.categories())).setHeader("Categories").setFlexGrow(1);
        var owner = grid.addComponentColumn(TextMessagesView::ownerBadge).setHeader("Owner").setAutoWidth(true).setFlexGrow(0);
        var text = grid.addColumn(m -> m.snippet(60)).setHeader("Text").setFlexGrow(3);
        NarrowScreens.actions(grid.addComponentColumn(this::actions));
        NarrowScreens.hideWhenNarrow(grid, categories, owner, text);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setEmptyStateText("No pre-saved text messages match.");
        grid.setSizeFull();

        H2 heading = new H2("Pre-saved text messages");
        Div content = new Div(heading, toolbar, grid);
        content.setSizeFull();
        content.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
        setSizeFull();
        add(content);
        refresh();
    }

    static Span ownerBadge(TextMessage m) {
        Span badge = new Span(m.isPublic() ? "Public" : "Personal");
        badge.getElement().getThemeList().add(m.isPublic() ? "badge contrast" : "badge");
        return badge;
    }

    private HorizontalLayout actions(TextMessage m) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (!m.editable()) {
            return actions;
        }
        Button edit = new Button(VaadinIcon.EDIT.create(), e -> open(m));
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        edit.setAriaLabel("Edit " + m.title());
        edit.setTooltipText("Edit");
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(m));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR);
        delete.setAriaLabel("Delete " + m.title());
        delete.setTooltipText("Delete");
        actions.add(edit, delete);
        return actions;
    }

    private void open(TextMessage message) {
        new TextMessageDialog(texts, message, managesPublic, () -> {
            refresh();
            UserActions.success("Pre-saved text message saved.");
        }).open();
    }

    private void confirmDelete(TextMessage m) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Delete " + m.shortcut() + "?");
        confirm.setText("Delete the pre-saved text message \"" + m.title() + "\"? This cannot be undone.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            texts.delete(m.id());
            refresh();
            UserActions.success("Deleted " + m.shortcut() + ".");
        });
        confirm.open();
    }

    void refresh() {
        List<String> categories = new ArrayList<>(texts.categories());
        String selected = category.getValue();
        if (!categories.equals(currentCategories)) {
            currentCategories = categories;
            category.setItems(categories);
            if (selected != null && categories.contains(selected)) {
                category.setValue(selected);
            }
        }
        grid.setItems(texts.list(search.getValue(), category.getValue()));
    }

    private List<String> currentCategories = List.of();
}
