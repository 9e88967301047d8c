package org.switchboard.common;

import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.server.VaadinSession;

/**
 * The language links of the pages anyone may open (sign-in, webchat, caller page): each language named
 * in itself, the current one marked. The choice holds for the browser's session; the page reloads in it.
 */
public class LanguageSwitch extends Nav {

    public LanguageSwitch() {
        addClassName("language-switch");
        getElement().setAttribute("aria-label", "English / 日本語");
        for (Locale language : Translations.LANGUAGES) {
            Button choice = new Button(language.getDisplayLanguage(language), e -> choose(language));
            choice.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            choice.getElement().setAttribute("lang", language.toLanguageTag());
            choice.setId("language-" + language.toLanguageTag());
            if (language.getLanguage().equals(getLocale().getLanguage())) {
                // The language shown is marked, not offered: a link to the page as it is would do nothing.
                choice.getElement().setAttribute("aria-current", "true");
            }
            add(choice);
        }
    }

    private void choose(Locale language) {
        VaadinSession.getCurrent().setLocale(language);
        getUI().ifPresent(ui -> {
            ui.setLocale(language);
            ui.getPage().reload();
        });
    }
}
