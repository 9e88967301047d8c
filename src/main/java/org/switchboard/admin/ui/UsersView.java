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
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.common.NarrowScreens;
import org.switchboard.common.UserActions;
import org.switchboard.common.ValidationException;
import org.switchboard.security.Role;
import org.switchboard.security.UserService;
import org.switchboard.security.UserSummary;

/** Admins create users, change their roles and disable them (which ends their sessions). */
@Route("admin/users")
@PageTitle("Users | Switchboard")
@Menu(title = "Users", icon = "vaadin:users", order = 500)
@RolesAllowed(Role.ADMIN_ROLE)
class UsersView extends Main {

    private final UserService users;
    private final Grid<UserSummary> grid = new Grid<>();
    private final TextField search = new TextField();

    UsersView(UserService users) {
        this.users = users;
        addClassName("page");
        Button add = new Button("New user", VaadinIcon.PLUS.create(), e -> new UserDialog(users, null, this::refresh).open());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.addColumn(UserSummary::username).setHeader("User name").setSortable(true);
        var name = grid.addColumn(UserSummary::displayName).setHeader("Name").setSortable(true).setFlexGrow(2);
        var roles = grid.addColumn(u -> String.join(", ", u.roles().stream().map(Role::label).toList())).setHeader("Roles");
        var lines = grid.addColumn(u -> String.join(", ", u.lines())).setHeader("Lines");
        grid.addComponentColumn(u -> {
            Span badge = new Span(u.enabled() ? "Active" : "Disabled");
            badge.getElement().getThemeList().add(u.enabled() ? "badge success" : "badge error");
            return badge;
        }).setHeader("Status");
        NarrowScreens.actions(grid.addComponentColumn(this::actions));
        NarrowScreens.hideWhenNarrow(grid, name, roles, lines);
        grid.setEmptyStateText("No users");
        search.setPlaceholder("Search users");
        search.setAriaLabel("Search users");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("user-search");
        search.addValueChangeListener(e -> applyFilter());
        add(new HorizontalLayout(add, search), grid);
        refresh();
    }

    private HorizontalLayout actions(UserSummary user) {
        Button edit = new Button("Edit", e -> new UserDialog(users, user, this::refresh).open());
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        Button toggle = new Button(user.enabled() ? "Disable" : "Enable", e -> {
            try {
                users.setEnabled(user.id(), user.version(), !user.enabled());
                UserActions.success(user.enabled() ? user.username() + " is disabled and signed out."
                        : user.username() + " may sign in again.");
            } catch (ValidationException ex) {
                UserActions.error(ex.getMessage());
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

    /** Matches the user name, the name or a role, ignoring case. */
    private void applyFilter() {
        String text = search.getValue().trim().toLowerCase(Locale.ROOT);
        grid.getListDataView().setFilter(u -> text.isEmpty() || u.username().contains(text)
                || u.displayName().toLowerCase(Locale.ROOT).contains(text)
                || u.roles().stream().anyMatch(r -> r.label().toLowerCase(Locale.ROOT).contains(text)));
    }

}
