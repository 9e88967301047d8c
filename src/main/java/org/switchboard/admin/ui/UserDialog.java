package org.switchboard.admin.ui;

import java.util.Arrays;
import java.util.EnumSet;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.switchboard.common.ValidationException;
import org.switchboard.security.Role;
import org.switchboard.security.UserForm;
import org.switchboard.security.UserService;
import org.switchboard.security.UserSummary;

/** Creates a user ({@code existing == null}) or edits one; the service validates. */
class UserDialog extends Dialog {

    UserDialog(UserService users, UserSummary existing, Runnable onSaved) {
        setHeaderTitle(existing == null ? "New user" : "Edit " + existing.username());
        TextField username = new TextField("User name");
        username.setHelperText("Lower-case letters, digits, dots, dashes, underscores");
        TextField displayName = new TextField("Name");
        PasswordField password = new PasswordField(existing == null ? "Password" : "New password (optional)");
        password.setHelperText("8 to 72 characters");
        CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(Role::label);
        TextField lines = new TextField("Lines");
        lines.setId("user-lines");
        lines.setPlaceholder("e.g. 1001, 1002");
        lines.setHelperText("Phone extensions, separated by commas. The first takes contact-center calls until the agent picks another.");
        if (existing != null) {
            lines.setValue(String.join(", ", existing.lines()));
            username.setValue(existing.username());
            username.setReadOnly(true);
            displayName.setValue(existing.displayName());
            roles.setValue(existing.roles());
        } else {
            roles.setValue(EnumSet.of(Role.AGENT));
        }
        add(new FormLayout(username, displayName, password, roles, lines));

        Button save = new Button("Save", e -> {
            UserForm form = new UserForm(username.getValue(), displayName.getValue(), password.getValue(),
                    roles.getValue(), Arrays.asList(lines.getValue().split(",")));
            try {
                if (existing == null) {
                    users.create(form);
                } else {
                    users.update(existing.id(), existing.version(), form);
                }
                Notifications.success("Saved " + username.getValue() + ".");
                close();
                onSaved.run();
            } catch (ValidationException ex) {
                Notifications.error(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
