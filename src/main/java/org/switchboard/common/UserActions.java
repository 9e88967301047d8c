package org.switchboard.common;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/**
 * Runs what a user asked for on a screen and shows the service's refusal as a clear message, in the
 * language of the user's screen (the refusal's {@link Message}); the API says the same refusal in English.
 */
public final class UserActions {

    /** Shown when a change still lost lock conflicts after its retries ({@link TransactionRetry}): it was rolled back. */
    public static final Message BUSY = Message.of("common.error.busy");

    private UserActions() {
    }

    /** True when the action went through; false after showing why it did not. */
    public static boolean run(Runnable action) {
        try {
            action.run();
            return true;
        } catch (Refusal e) {
            show(e.in(locale()), true);
            return false;
        } catch (AccessDeniedException e) {
            show(e.getMessage(), true);
            return false;
        } catch (PessimisticLockingFailureException e) {
            error(BUSY);
            return false;
        } catch (OptimisticLockingFailureException e) {
            error(ConflictException.STALE);
            return false;
        }
    }

    /** Shows the bundle's text for {@code key} as an error, in the screen's language. */
    public static void error(String key, Object... args) {
        error(Message.of(key, args));
    }

    public static void error(Message message) {
        show(message.in(locale()), true);
    }

    /** Shows as an error a text already in the screen's language (one the browser said, from texts the server gave it). */
    public static void errorText(String said) {
        show(said, true);
    }

    /** Shows the bundle's text for {@code key} as a success, in the screen's language. */
    public static void success(String key, Object... args) {
        success(Message.of(key, args));
    }

    /** Shows a message (a bundle key with arguments said in the same language) as a success, in the screen's language. */
    public static void success(Message message) {
        show(message.in(locale()), false);
    }

    /** The language of the screen this thread works for (English outside a screen). */
    public static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Translations.ENGLISH : ui.getLocale();
    }

    private static void show(String text, boolean error) {
        if (error) {
            Notification.show(text, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        } else {
            Notification.show(text, 3000, Notification.Position.BOTTOM_END).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
    }
}
