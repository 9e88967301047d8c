package org.switchboard.shared.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuConfiguration;
import jakarta.annotation.security.PermitAll;

/** The root address: opens the first screen in the user's navigation. */
@Route("")
@PermitAll
class HomeView extends Main implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        MenuConfiguration.getMenuEntries().stream()
                .map(e -> e.path().replaceFirst("^/", ""))
                .filter(path -> !path.isEmpty())
                .findFirst()
                .ifPresent(event::forwardTo);
    }
}
