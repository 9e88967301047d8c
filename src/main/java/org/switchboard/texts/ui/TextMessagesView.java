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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.switchboard.common.UserActions;
import org.switchboard.security.SignedInUser;
import org.switchboard.texts.TextMessage;
import org.switchboard.texts.TextMessageService;

/** The user's pre-saved text messages and the public ones, from the settings gear. */
@Route("settings/texts")
@Menu(title = "texts.library.title", icon = "vaadin:comment-ellipsis", order = 910)
@PermitAll
class TextMessagesView extends Main implements HasDynamicTitle {

    final TextField search = new TextField();
    final ComboBox<String> category = new ComboBox<>();
    final Grid<TextMessage> grid = new Grid<>();
    final Button add = new Button(getTranslation("texts.library.add"));
    private final TextMessageService texts;
    private final boolean managesPublic;

    TextMessagesView(TextMessageService texts, AuthenticationContext authenticationContext) {
        this.texts = texts;
        addClassName("page");
        SignedInUser user = authenticationContext.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        managesPublic = TextMessageService.managesPublic(user);

        search.setPlaceholder(getTranslation("texts.library.search-placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setAriaLabel(getTranslation("texts.library.search"));
        search.addValueChangeListener(e -> refresh());
        category.setPlaceholder(getTranslation("texts.library.all-categories"));
        category.setAriaLabel(getTranslation("texts.library.category"));
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

        grid.addColumn(TextMessage::title).setHeader(getTranslation("texts.library.message-title")).setFlexGrow(2).setSortable(true);
        grid.addColumn(TextMessage::shortcut).setHeader(getTranslation("texts.library.shortcut")).setAutoWidth(true).setFlexGrow(0).setSortable(true);
        grid.addColumn(m -> String.join(", ", m.categories())).setHeader(getTranslation("texts.library.categories")).setFlexGrow(1);
        grid.addComponentColumn(this::ownerBadge).setHeader(getTranslation("texts.library.owner")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> m.snippet(60)).setHeader(getTranslation("texts.library.text")).setFlexGrow(3);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setEmptyStateText(getTranslation("texts.library.none-match"));
        grid.setSizeFull();

        H2 heading = new H2(getTranslation("texts.library.title"));
        Div content = new Div(heading, toolbar, grid);
        content.setSizeFull();
        content.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
        setSizeFull();
        add(content);
        refresh();
    }

    private Span ownerBadge(TextMessage m) {
        Span badge = new Span(getTranslation(m.isPublic() ? "texts.library.public" : "texts.library.personal"));
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
        edit.setAriaLabel(getTranslation("texts.library.edit-named", m.title()));
        edit.setTooltipText(getTranslation("common.action.edit"));
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(m));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR);
        delete.setAriaLabel(getTranslation("texts.library.delete-named", m.title()));
        delete.setTooltipText(getTranslation("common.action.delete"));
        actions.add(edit, delete);
        return actions;
    }

    private void open(TextMessage message) {
        new TextMessageDialog(texts, message, managesPublic, () -> {
            refresh();
            UserActions.success("texts.library.saved");
        }).open();
    }

    private void confirmDelete(TextMessage m) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("texts.library.delete-question", m.shortcut()));
        confirm.setText(getTranslation("texts.library.delete-explained", m.title()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.action.cancel"));
        confirm.setConfirmText(getTranslation("common.action.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            texts.delete(m.id());
            refresh();
            UserActions.success("texts.library.deleted", m.shortcut());
        });
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("texts.library.title") + " | Switchboard";
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
