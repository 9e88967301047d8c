package org.switchboard.shared.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.switchboard.agent.AgentStatusService;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;

/**
 * The root address, where sign-in lands: each user opens where its main role works. Agents on the
 * Dashboard; supervisors on Supervision, unless they are logged in to queues as agents right now;
 * admins on the admin screens.
 */
@Route("")
@PermitAll
class HomeView extends Main implements BeforeEnterObserver {

    private final AuthenticationContext authentication;
    private final AgentStatusService agents;

    HomeView(AuthenticationContext authentication, AgentStatusService agents) {
        this.authentication = authentication;
        this.agents = agents;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SignedInUser user = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        if (user.has(Role.AGENT) && (!user.has(Role.SUPERVISOR) || agents.status(user.id()).loggedInAnywhere())) {
            event.forwardTo("dashboard");
        } else if (user.has(Role.SUPERVISOR)) {
            event.forwardTo("supervision");
        } else {
            // Admins open the first admin screen of their navigation; anyone else its first screen.
            String section = user.has(Role.ADMIN) ? "admin/" : "";
            MenuConfiguration.getMenuEntries().stream()
                    .map(e -> e.path().replaceFirst("^/", ""))
                    .filter(path -> !path.isEmpty() && path.startsWith(section))
                    .findFirst()
                    .ifPresent(event::forwardTo);
        }
    }
}
