package org.switchboard.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SystemMessages;
import com.vaadin.flow.server.VaadinService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.switchboard.SwitchboardApplication;
import org.switchboard.SwitchboardTest;

/** Vaadin's own notices follow the page's language like the rest of the screen. */
@SwitchboardTest
@ViewPackages(classes = SwitchboardApplication.class)
class SystemMessagesInLanguageTest extends SpringBrowserlessTest {

    @Autowired
    SystemMessagesInLanguage listener;

    @Test
    @WithUserDetails("agent1")
    void theServiceSaysVaadinsNoticesInThePagesLanguage() {
        navigate("", com.vaadin.flow.component.Component.class);
        // The browserless service does not run the app's service listeners; the bean is applied as Vaadin's Spring add-on does.
        listener.serviceInit(new ServiceInitEvent(VaadinService.getCurrent()));
        SystemMessages japanese = VaadinService.getCurrent().getSystemMessages(Locale.JAPAN, null);
        SystemMessages english = VaadinService.getCurrent().getSystemMessages(Locale.US, null);

        assertThat(english.getInternalErrorCaption()).isEqualTo("Something went wrong on the server");
        assertThat(japanese.getInternalErrorCaption()).isEqualTo("サーバーでエラーが発生しました");
        assertThat(japanese.getInternalErrorMessage()).contains("管理者");
        assertThat(japanese.getCookiesDisabledCaption()).isEqualTo("Cookie が無効になっています");
        assertThat(english.getCookiesDisabledMessage()).startsWith("Switchboard needs cookies");
    }
}
