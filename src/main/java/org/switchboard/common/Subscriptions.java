package org.switchboard.common;

import java.util.concurrent.atomic.AtomicReference;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;

/** Ties a screen's subscription to a feed to the screen's life: it ends when the component detaches. */
public final class Subscriptions {

    private Subscriptions() {
    }

    /** Removes {@code subscription} when {@code component} detaches (a closed tab, a navigation away). */
    public static void untilDetached(Component component, Registration subscription) {
        AtomicReference<Registration> listener = new AtomicReference<>();
        listener.set(component.addDetachListener(e -> {
            subscription.remove();
            listener.get().remove();
        }));
    }
}
