package org.switchboard.shared.ui;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.vaadin.flow.component.UI;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.common.Broadcaster;
import org.switchboard.security.UserDisabled;

/**
 * The open UIs of each signed-in user on this node. When a user is disabled, its open UIs reload at
 * once; the reload reaches the security filter, which ends the session and shows the sign-in page.
 */
@Component
class SignedInSessions {

    private final Map<String, Set<UI>> uisByUser = new ConcurrentHashMap<>();

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
        for (UI ui : uisByUser.getOrDefault(event.username(), Set.of())) {
            ui.access(() -> ui.getPage().setLocation("/login?disabled"));
        }
    }
}
