package org.switchboard.dashboard.ui;

import com.vaadin.browserless.ComponentTester;
import com.vaadin.flow.internal.JacksonUtils;

/** Chooses in a {@link StatusMenu} as the browser does: the item-selected event with the item's position. */
class StatusMenuTester extends ComponentTester<StatusMenu> {

    StatusMenuTester(StatusMenu menu) {
        super(menu);
    }

    void choose(String label) {
        int position = getComponent().labels().indexOf(label);
        if (position < 0) {
            throw new IllegalArgumentException("The menu offers " + getComponent().labels() + ", not " + label);
        }
        send(position);
    }

    /** What a browser could send: any position, or none. */
    void send(Integer position) {
        var data = JacksonUtils.createObjectNode();
        if (position != null) {
            data.put(StatusMenu.CHOSEN, position);
        }
        fireDomEvent(StatusMenu.SELECTED, data);
    }
}
