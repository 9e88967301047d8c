package org.switchboard.admin.ui;

import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.common.UserActions;
import org.switchboard.common.ValidationException;
import org.switchboard.security.Role;
import org.switchboard.security.UserService;
import org.switchboard.security.UserSummary;

/** Admins create users, change their roles and disable them (which ends their sessions). */
@Route("admin/users")
@Menu(title = "admin.users.title", icon = "vaadin:users", order = 500)
@RolesAllowed(Role.ADMIN_ROLE)
class UsersView extends Main implements HasDynamicTitle {

    private final UserService users;
    private final Grid<UserSummary> grid = new Grid<>();
    private final TextField search = new TextField();

    UsersView(UserService users) {
        this.users = users;
        addClassName("page");
        Button add = new Button(getTranslation("admin.user.new"), VaadinIcon.PLUS.create(), e -> new UserDialog(users, null, this::refresh).open());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.addColumn(UserSummary::username).setHeader(getTranslation("admin.user.username")).setSortable(true);
        grid.addColumn(UserSummary::displayName).setHeader(getTranslation("admin.user.name")).setSortable(true).setFlexGrow(2);
        grid.addColumn(this::roles).setHeader(getTranslation("admin.user.roles"));
        grid.addColumn(u -> String.join(", ", u.lines())).setHeader(getTranslation("admin.user.lines"));
        grid.addComponentColumn(u -> {
            Span badge = new Span(getTranslation(u.enabled() ? "admin.users.active" : "admin.users.disabled"));
            badge.getElement().getThemeList().add(u.enabled() ? "badge success" : "badge error");
            return badge;
        }).setHeader(getTranslation("admin.users.status"));
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("admin.users.none"));
        search.setPlaceholder(getTranslation("admin.users.search"));
        search.setAriaLabel(getTranslation("admin.users.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("user-search");
        search.addValueChangeListener(e -> applyFilter());
        add(new HorizontalLayout(add, search), grid);
        refresh();
    }

    private HorizontalLayout actions(UserSummary user) {
        Button edit = new Button(getTranslation("common.action.edit"), e -> new UserDialog(users, user, this::refresh).open());
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        Button toggle = new Button(getTranslation(user.enabled() ? "admin.users.disable" : "admin.users.enable"), e -> {
            try {
                users.setEnabled(user.id(), user.version(), !user.enabled());
                UserActions.success(user.enabled() ? "admin.users.now-disabled" : "admin.users.now-enabled", user.username());
            } catch (ValidationException ex) {
                UserActions.error(ex::in);
            }
            refresh();
        });
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        if (user.enabled()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        toggle.setId("toggle-" + user.username());
        return new HorizontalLayout(edit, toggle);
    }

    private void refresh() {
        grid.setItems(users.findAll());
        applyFilter();
    }

    private String roles(UserSummary user) {
        return String.join(", ", user.roles().stream().map(r -> getTranslation(r.key())).toList());
    }

    /** Matches the user name, the name or a role as shown, ignoring case. */
    private void applyFilter() {
        String text = search.getValue().trim().toLowerCase(Locale.ROOT);
        grid.getListDataView().setFilter(u -> text.isEmpty() || u.username().contains(text)
                || u.displayName().toLowerCase(Locale.ROOT).contains(text)
                || u.roles().stream().anyMatch(r -> getTranslation(r.key()).toLowerCase(Locale.ROOT).contains(text)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.users.title") + " | Switchboard";
    }

}
