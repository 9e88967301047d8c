package org.switchboard.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.util.ClassUtils;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardApplication;
import org.switchboard.SwitchboardTest;
import org.switchboard.agent.AgentStatusService;
import org.switchboard.queue.AssignmentRole;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;

/** After sign-in (the root address) each user lands where its main role works. */
@SwitchboardTest
@ViewPackages(classes = SwitchboardApplication.class)
class LandingTest extends SpringBrowserlessTest {

    @Autowired
    RoutingFixture fixture;
    @Autowired
    AgentStatusService agents;
    @Autowired
    QueueService queues;

    private String landing() {
        navigate("", Component.class);
        // Views with @RolesAllowed are proxied by method security.
        return ClassUtils.getUserClass(getCurrentView()).getSimpleName();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    @WithUserDetails("agent1")
    void anAgentLandsOnTheDashboard() {
        assertThat(landing()).isEqualTo("DashboardView");
    }

    @Test
    @WithUserDetails("admin")
    void anAdminLandsOnTheAdminScreens() {
        assertThat(landing()).isEqualTo("UsersView");
    }

    @Test
    void aSupervisorWhoIsAlsoAnAgentLandsOnSupervisionUnlessLoggedInToQueues() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 0);
        UserSummary both = fixture.user(Role.SUPERVISOR, Role.AGENT);
        SystemUser.run(() -> queues.assign(queue.id(), AssignmentRole.AGENT, Set.of(both.id())));
        signInAs(both);
        assertThat(landing()).isEqualTo("SupervisionView");

        SystemUser.run(() -> agents.loginToQueues(both.id(), Set.of(queue.id())));
        assertThat(landing()).as("working as an agent right now").isEqualTo("DashboardView");
    }

    private static void signInAs(UserSummary user) {
        SignedInUser principal = new SignedInUser(user.id(), user.username(), user.displayName(), "", true, user.roles());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }
}
