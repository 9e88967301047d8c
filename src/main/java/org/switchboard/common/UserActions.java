package org.switchboard.common;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/** Runs what a user asked for on a screen and shows the service's refusal as a clear message. */
public final class UserActions {

    /** Shown when a change still lost lock conflicts after its retries ({@link TransactionRetry}): it was rolled back. */
    public static final String BUSY = "Others were changing the same records at this moment, so nothing was changed. Please try again.";

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
        } catch (PessimisticLockingFailureException e) {
            error(BUSY);
            return false;
        } catch (OptimisticLockingFailureException e) {
            error(ConflictException.STALE);
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
