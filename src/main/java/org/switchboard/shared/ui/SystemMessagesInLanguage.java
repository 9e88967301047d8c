package org.switchboard.shared.ui;

import java.util.Locale;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SystemMessages;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;
import org.switchboard.common.Translations;

/**
 * Vaadin's own notices (the server failed, cookies are off) in the language of the page, as every other
 * text: Vaadin's built-in ones are English only. An expired session shows no notice: the page reloads
 * and the sign-in page, in the browser's language, takes over.
 */
@Component
class SystemMessagesInLanguage implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(info -> in(info.getLocale()));
    }

    static SystemMessages in(Locale locale) {
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setInternalErrorCaption(Translations.translate(locale, "shared.system.internal-error"));
        messages.setInternalErrorMessage(Translations.translate(locale, "shared.system.internal-error-what-now"));
        messages.setCookiesDisabledCaption(Translations.translate(locale, "shared.system.cookies-disabled"));
        messages.setCookiesDisabledMessage(Translations.translate(locale, "shared.system.cookies-disabled-what-now"));
        return messages;
    }
}
