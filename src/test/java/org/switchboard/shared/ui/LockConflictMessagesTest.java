package org.switchboard.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.switchboard.SwitchboardApplication;
import org.switchboard.SwitchboardTest;
import org.switchboard.common.UserActions;

/** A screen's action that still lost lock conflicts after its retries tells the user nothing changed. */
@SwitchboardTest
@ViewPackages(classes = SwitchboardApplication.class)
class LockConflictMessagesTest extends SpringBrowserlessTest {

    @Autowired
    LockConflictMessages messages;

    @Test
    @WithUserDetails("agent1")
    void aLostLockConflictIsShownAsNothingChangedTryAgain() {
        navigate("", com.vaadin.flow.component.Component.class);
        messages.error(new ErrorEvent(new IllegalStateException("listener failed",
                new CannotAcquireLockException("Deadlock found when trying to get lock"))));
        assertThat(notifications()).contains(UserActions.BUSY.english());
    }

    @Test
    @WithUserDetails("agent1")
    void otherErrorsShowNoSuchMessage() {
        navigate("", com.vaadin.flow.component.Component.class);
        messages.error(new ErrorEvent(new IllegalStateException("something else")));
        assertThat(notifications()).doesNotContain(UserActions.BUSY.english());
    }

    private java.util.List<String> notifications() {
        return $(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }

    @Test
    @WithUserDetails("agent1")
    void everySessionUsesIt() {
        navigate("", com.vaadin.flow.component.Component.class);
        assertThat(VaadinSession.getCurrent().getErrorHandler()).isSameAs(messages);
    }
}
