package org.switchboard.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;
import org.switchboard.common.Formats;
import org.switchboard.common.Translations;
import org.switchboard.security.SignedInUser;
import org.switchboard.security.UserPreferences;
import org.switchboard.security.UserService;

/**
 * Every new screen of a signed-in user speaks the language and shows the time zone the user chose in
 * Settings &gt; My account; without a choice, Vaadin's pick from the browser's Accept-Language and the
 * browser's zone ({@link Formats}) stay. Pages of anonymous visitors follow the browser and their
 * language switch. The page's {@code lang} says the language it speaks, and Vaadin's connection
 * indicator its states in it.
 */
@Component
class UserLanguage implements VaadinServiceInitListener {

    private final UserService users;

    UserLanguage(UserService users) {
        this.users = users;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            SignedInUser.current().ifPresent(user -> apply(ui, users.preferences(user.username())));
            // Screen readers pick their voice by the page's language; Vaadin's connection indicator says its states in it.
            ui.getPage().executeJs("""
                    document.documentElement.lang = $0;
                    customElements.whenDefined('vaadin-connection-indicator').then(() => {
                      const indicator = document.querySelector('vaadin-connection-indicator');
                      if (indicator) {
                        indicator.onlineText = $1;
                        indicator.offlineText = $2;
                        indicator.reconnectingText = $3;
                      }
                    });""", Translations.supported(ui.getLocale()).toLanguageTag(),
                    ui.getTranslation("shared.connection.online"), ui.getTranslation("shared.connection.offline"),
                    ui.getTranslation("shared.connection.reconnecting"));
        });
    }

    static void apply(UI ui, UserPreferences chosen) {
        chosen.language().ifPresent(ui::setLocale);
        chosen.timeZone().ifPresent(zone -> Formats.useZone(ui, zone));
    }
}
