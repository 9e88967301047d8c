package org.switchboard.shared.ui;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import com.vaadin.flow.component.UI;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.common.Broadcaster;
import org.switchboard.common.ClusterRelay;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserDisabled;
import org.switchboard.security.UserService;
import org.switchboard.security.UserSummary;

/**
 * The open UIs of each signed-in user on this node. When a user is disabled, on this node or another
 * (through the {@link ClusterRelay}), its open UIs reload at once; the reload reaches the security
 * filter, which ends the session and shows the sign-in page.
 */
@Component
class SignedInSessions {

    private final Map<String, Set<UI>> uisByUser = new ConcurrentHashMap<>();
    private final UserService users;
    private final Consumer<UserDisabled> publisher;

    SignedInSessions(ClusterRelay relay, UserService users) {
        this.users = users;
        this.publisher = relay.register("user-disabled", UserDisabled.class, this::endSessions, this::endDisabledUsersSessions);
    }

    Broadcaster.Registration register(String username, UI ui) {
        uisByUser.computeIfAbsent(username, u -> ConcurrentHashMap.newKeySet()).add(ui);
        return () -> uisByUser.computeIfPresent(username, (u, uis) -> {
            uis.remove(ui);
            return uis.isEmpty() ? null : uis;
        });
    }

    int openUis(String username) {
        return uisByUser.getOrDefault(username, Set.of()).size();
    }

    @TransactionalEventListener
    void onUserDisabled(UserDisabled event) {
        publisher.accept(event);
    }

    private void endSessions(UserDisabled event) {
        endSessions(event.username());
    }

    private void endSessions(String username) {
        for (UI ui : uisByUser.getOrDefault(username, Set.of())) {
            ui.access(() -> ui.getPage().setLocation("/login?disabled"));
        }
    }

    /** After a gap in the cluster stream: a user disabled on another node meanwhile is found in the database. */
    private void endDisabledUsersSessions() {
        for (String username : Set.copyOf(uisByUser.keySet())) {
            boolean enabled = SystemUser.call(() -> users.findByUsername(username)).map(UserSummary::enabled).orElse(false);
            if (!enabled) {
                endSessions(username);
            }
        }
    }
}
