package org.switchboard.admin.ui;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.converter.Converter;
import org.switchboard.common.UserActions;
import org.switchboard.security.Role;
import org.switchboard.security.UserForm;
import org.switchboard.security.UserService;
import org.switchboard.security.UserSummary;

/**
 * Creates a user ({@code existing == null}) or edits one. The form's constraints show beside each field;
 * what needs the database (a taken user name, the last admin) comes back from the service.
 */
class UserDialog extends Dialog {

    /** Extensions as the admin types them, separated by commas; blanks between commas are left out. */
    private static final Converter<String, List<String>> LINES = Converter.from(
            text -> Result.ok(Arrays.stream(text.split(",")).map(String::trim)
                    .filter(line -> !line.isEmpty()).toList()),
            lines -> lines == null ? "" : String.join(", ", lines));

    private final BeanValidationBinder<UserForm> binder = new BeanValidationBinder<>(UserForm.class);

    UserDialog(UserService users, UserSummary existing, Runnable onSaved) {
        setHeaderTitle(existing == null ? getTranslation("admin.user.new") : getTranslation("admin.user.edit", existing.username()));
        TextField username = new TextField(getTranslation("admin.user.username"));
        username.setHelperText(getTranslation("admin.user.username-help"));
        TextField displayName = new TextField(getTranslation("admin.user.name"));
        PasswordField password = new PasswordField(getTranslation(existing == null ? "admin.user.password" : "admin.user.new-password"));
        password.setHelperText(getTranslation("admin.user.password-help"));
        CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("admin.user.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(role -> getTranslation(role.key()));
        TextField lines = new TextField(getTranslation("admin.user.lines"));
        lines.setId("user-lines");
        lines.setPlaceholder(getTranslation("admin.user.lines-example"));
        lines.setHelperText(getTranslation("admin.user.lines-help"));
        add(new FormLayout(username, displayName, password, roles, lines));

        binder.forField(username).bind("username");
        binder.forField(displayName).bind("displayName");
        var passwordBinding = binder.forField(password).withNullRepresentation("");
        if (existing == null) {
            passwordBinding = passwordBinding.asRequired(getTranslation(UserForm.PASSWORD_RULE_KEY));
        }
        passwordBinding.bind("password");
        binder.forField(roles).bind("roles");
        binder.forField(lines).withConverter(LINES).bind("lines");
        if (existing == null) {
            binder.readRecord(new UserForm("", "", null, EnumSet.of(Role.AGENT), List.of()));
        } else {
            binder.readRecord(new UserForm(existing.username(), existing.displayName(), null, existing.roles(),
                    existing.lines()));
            username.setReadOnly(true);
        }

        Button save = new Button(getTranslation("common.action.save"), e -> {
            UserForm form;
            try {
                form = binder.writeRecord();
            } catch (ValidationException invalid) {
                return; // the fields say what to fix
            }
            boolean saved = UserActions.run(() -> {
                if (existing == null) {
                    users.create(form);
                } else {
                    users.update(existing.id(), existing.version(), form);
                }
            });
            if (saved) {
                UserActions.success("admin.user.saved", form.username());
                close();
                onSaved.run();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("common.action.cancel"), e -> close()), save);
    }
}
