package org.switchboard.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.switchboard.common.UserActions;
import org.switchboard.security.SignedInUser;
import org.switchboard.security.UserService;

/** The signed-in user's own name and password; reached from the settings gear. */
@Route("settings/account")
@PageTitle("My account | Switchboard")
@Menu(title = "My account", icon = "vaadin:user", order = 900)
@PermitAll
class AccountView extends Main {

    AccountView(UserService users, AuthenticationContext authenticationContext) {
        addClassName("page");
        String username = authenticationContext.getAuthenticatedUser(SignedInUser.class).orElseThrow().username();
        var me = users.findByUsername(username).orElseThrow();

        TextField displayName = new TextField("Name");
        displayName.setValue(me.displayName());
        displayName.setMaxLength(100);
        Button saveName = new Button("Save name", e -> run(() -> users.changeOwnDisplayName(username, displayName.getValue()),
                "Name saved. It shows after your next sign-in."));

        PasswordField current = new PasswordField("Current password");
        PasswordField next = new PasswordField("New password");
        next.setHelperText("8 to 72 characters");
        PasswordField repeat = new PasswordField("Repeat new password");
        Button savePassword = new Button("Change password", e -> {
            if (!next.getValue().equals(repeat.getValue())) {
                UserActions.error("The new passwords do not match.");
                return;
            }
            if (run(() -> users.changeOwnPassword(username, current.getValue(), next.getValue()), "Password changed.")) {
                current.clear();
                next.clear();
                repeat.clear();
            }
        });
        savePassword.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        TextField usernameField = new TextField("User name");
        usernameField.setValue(username);
        usernameField.setReadOnly(true);
        FormLayout nameForm = new FormLayout(usernameField, displayName, saveName);
        FormLayout passwordForm = new FormLayout(current, next, repeat, savePassword);
        add(new H2("My account"), nameForm, new H2("Password"), passwordForm);
    }

    private static boolean run(Runnable action, String success) {
        return UserActions.run(() -> {
            action.run();
            UserActions.success(success);
        });
    }
}
