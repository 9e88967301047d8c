package org.switchboard.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.switchboard.common.Broadcaster;
import org.switchboard.database.DatabaseWatch;

/**
 * A banner across the top of every signed-in screen while the database does not answer: the user
 * sees why nothing saves instead of a screen that hangs. It goes away by itself once the database
 * is back.
 */
class DatabaseLostNotice {

    static final String ID = "database-lost";
    static final String TEXT = "shared.database.lost";

    private final Notification banner = new Notification();

    DatabaseLostNotice() {
        banner.setId(ID);
        Span text = new Span();
        text.setText(text.getTranslation(TEXT));
        banner.add(text);
        banner.setPosition(Notification.Position.TOP_STRETCH);
        banner.setDuration(0);
        banner.addThemeVariants(NotificationVariant.LUMO_ERROR);
        banner.getElement().setAttribute("role", "alert");
    }

    /** Shows the current state at once, then follows the watch until the returned registration is removed. */
    Broadcaster.Registration follow(UI ui, DatabaseWatch watch) {
        show(watch.reachable());
        return watch.subscribe(change -> ui.access(() -> show(change.reachable())));
    }

    private void show(boolean reachable) {
        if (!reachable) {
            banner.open();
        } else if (banner.isOpened()) {
            banner.close();
            Notification back = Notification.show(banner.getTranslation("shared.database.back"), 3000,
                    Notification.Position.TOP_CENTER);
            back.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
    }
}
