package org.switchboard.security.ui;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.switchboard.common.Formats;
import org.switchboard.common.Translations;
import org.switchboard.common.UserActions;
import org.switchboard.security.SignedInUser;
import org.switchboard.security.UserPreferences;
import org.switchboard.security.UserService;

/** The signed-in user's own name, password, language and time zone; reached from the settings gear. */
@Route("settings/account")
@Menu(title = "security.account.title", icon = "vaadin:user", order = 900)
@PermitAll
class AccountView extends Main implements HasDynamicTitle {

    /** The zone choice that follows the browser. */
    private static final String BROWSER_ZONE = "";

    AccountView(UserService users, AuthenticationContext authenticationContext) {
        addClassName("page");
        String username = authenticationContext.getAuthenticatedUser(SignedInUser.class).orElseThrow().username();
        var me = users.findByUsername(username).orElseThrow();

        TextField displayName = new TextField(getTranslation("security.account.name"));
        displayName.setValue(me.displayName());
        displayName.setMaxLength(100);
        Button saveName = new Button(getTranslation("security.account.save-name"), e -> run(
                () -> users.changeOwnDisplayName(username, displayName.getValue()), "security.account.name-saved"));

        PasswordField current = new PasswordField(getTranslation("security.account.current-password"));
        PasswordField next = new PasswordField(getTranslation("security.account.new-password"));
        next.setHelperText(getTranslation("security.account.password-length"));
        PasswordField repeat = new PasswordField(getTranslation("security.account.repeat-password"));
        Button savePassword = new Button(getTranslation("security.account.change-password"), e -> {
            if (!next.getValue().equals(repeat.getValue())) {
                UserActions.error("security.account.passwords-differ");
                return;
            }
            if (run(() -> users.changeOwnPassword(username, current.getValue(), next.getValue()), "security.account.password-changed")) {
                current.clear();
                next.clear();
                repeat.clear();
            }
        });
        savePassword.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        TextField usernameField = new TextField(getTranslation("security.account.user-name"));
        usernameField.setValue(username);
        usernameField.setReadOnly(true);
        FormLayout nameForm = new FormLayout(usernameField, displayName, saveName);
        FormLayout passwordForm = new FormLayout(current, next, repeat, savePassword);
        add(new H2(getTranslation("security.account.title")), nameForm, new H2(getTranslation("security.account.password")),
                passwordForm, new H2(getTranslation("security.account.language-and-zone")),
                languageForm(users, username, users.preferences(username)));
    }

    private FormLayout languageForm(UserService users, String username, UserPreferences chosen) {
        Select<Optional<Locale>> language = new Select<>();
        language.setId("account-language");
        language.setLabel(getTranslation("security.account.language"));
        List<Optional<Locale>> languages = new ArrayList<>();
        languages.add(Optional.empty());
        Translations.LANGUAGES.forEach(l -> languages.add(Optional.of(l)));
        language.setItems(languages);
        language.setItemLabelGenerator(l -> l.map(choice -> choice.getDisplayLanguage(choice))
                .orElseGet(() -> getTranslation("security.account.browser-language")));
        language.setValue(chosen.language());

        ComboBox<String> zone = new ComboBox<>(getTranslation("security.account.time-zone"));
        zone.setId("account-time-zone");
        List<String> zones = new ArrayList<>();
        zones.add(BROWSER_ZONE);
        ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
                .sorted().forEach(zones::add);
        zone.setItems(zones);
        zone.setItemLabelGenerator(z -> z.isEmpty() ? getTranslation("security.account.browser-time-zone") : z);
        zone.setValue(chosen.timeZone().map(ZoneId::getId).orElse(BROWSER_ZONE));
        zone.setHelperText(getTranslation("security.account.time-zone-now", Formats.current().zone().getId()));

        Button save = new Button(getTranslation("security.account.save-language"), e -> {
            var preferences = new UserPreferences(language.getValue(),
                    Optional.ofNullable(zone.getValue()).filter(z -> !z.isEmpty()).map(ZoneId::of));
            if (UserActions.run(() -> users.changeOwnPreferences(username, preferences))) {
                Locale shown = preferences.language().orElseGet(() -> VaadinSession.getCurrent().getBrowser().getLocale());
                getUI().ifPresent(ui -> {
                    VaadinSession.getCurrent().setLocale(Translations.supported(shown));
                    ui.getPage().reload();
                });
            }
        });
        save.setId("account-save-language");
        return new FormLayout(language, zone, save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("security.account.title") + " | Switchboard";
    }

    private static boolean run(Runnable action, String successKey) {
        return UserActions.run(() -> {
            action.run();
            UserActions.success(successKey);
        });
    }
}
