package org.switchboard.productivity.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.productivity.HistoryRows;
import org.switchboard.security.SignedInUser;
import org.switchboard.security.UserSummary;

/** Signs a test user in for a browserless view test and gives its agent a history on chosen days. */
final class ActivityViewsFixture {

    private final HistoryRows rows;
    private final ZoneId zone;

    ActivityViewsFixture(HistoryRows rows, ZoneId zone) {
        this.rows = rows;
        this.zone = zone;
    }

    static void signIn(UserSummary user) {
        SignedInUser principal = new SignedInUser(user.id(), user.username(), user.displayName(), "", true, user.roles());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    /** The agent picker, found among the view's controls: the query API finds only visible components, and agents never see it. */
    static AgentPicker picker(HorizontalLayout controls) {
        return (AgentPicker) controls.getChildren().filter(AgentPicker.class::isInstance)
                .findFirst().orElseThrow();
    }

    /** {@code count} calls of the type the agent took at 10:00 on {@code day}. */
    void calls(UserSummary agent, LocalDate day, String type, int count) {
        Instant at = day.atTime(10, 0).atZone(zone).toInstant();
        for (int i = 0; i < count; i++) {
            rows.contact(type, null, agent.id(), at, at.plusSeconds(5));
        }
    }
}
