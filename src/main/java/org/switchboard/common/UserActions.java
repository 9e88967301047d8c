package org.switchboard.common;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.springframework.security.access.AccessDeniedException;

/** Runs what a user asked for on a screen and shows the service's refusal as a clear message. */
public final class UserActions {

    private UserActions() {
    }

    /** True when the action went through; false after showing why it did not. */
    public static boolean run(Runnable action) {
        try {
            action.run();
            return true;
        } catch (ValidationException | ConflictException | NotFoundException | AccessDeniedException e) {
            error(e.getMessage());
            return false;
        }
    }

    public static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    public static void success(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_END).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
