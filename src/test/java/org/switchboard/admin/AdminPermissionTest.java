package org.switchboard.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.test.context.support.WithUserDetails;
import org.switchboard.SwitchboardTest;
import org.switchboard.agent.PauseReason;
import org.switchboard.agent.PauseReasonService;
import org.switchboard.api.ApiKeyService;
import org.switchboard.audit.AuditFilter;
import org.switchboard.audit.AuditLog;
import org.switchboard.queue.AssignmentRole;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;
import org.switchboard.queue.QueueSettings;
import org.switchboard.security.Role;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserForm;
import org.switchboard.security.UserService;
import org.switchboard.security.UserSummary;
import org.switchboard.simulator.SimulatorService;

/** Agents and supervisors cannot call the administration services, whatever the screens show. */
@SwitchboardTest
class AdminPermissionTest {

    @Autowired
    UserService users;
    @Autowired
    QueueService queues;
    @Autowired
    PauseReasonService reasons;
    @Autowired
    AuditLog audit;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    SimulatorService simulator;

    QueueInfo sales;
    PauseReason lunch;
    UserSummary agent1;

    @BeforeEach
    void readAsTheSystem() {
        SystemUser.run(() -> {
            sales = queues.findByName("Sales").orElseThrow();
            lunch = reasons.findByName("Lunch").orElseThrow();
            agent1 = users.findByUsername("agent1").orElseThrow();
        });
    }

    @Test
    @WithMockUser(roles = Role.AGENT_ROLE)
    void anAgentIsRefusedEveryAdminService() {
        assertEveryAdminServiceIsRefused();
    }

    @Test
    @WithMockUser(roles = Role.SUPERVISOR_ROLE)
    void aSupervisorIsRefusedEveryAdminService() {
        assertEveryAdminServiceIsRefused();
    }

    private void assertEveryAdminServiceIsRefused() {
        assertThatThrownBy(() -> users.findAll()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> users.create(new UserForm("perm-x", "X", "password1", Set.of(Role.ADMIN), null)))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> users.update(agent1.id(), agent1.version(),
                new UserForm("agent1", "X", "", Set.of(Role.ADMIN), null))).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> users.setEnabled(agent1.id(), agent1.version(), false))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> queues.create(QueueSettings.defaults("Perm queue", QueueKind.CALL)))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> queues.update(sales.id(), sales.version(), sales.settings()))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> queues.assign(sales.id(), AssignmentRole.SUPERVISOR, Set.of(agent1.id())))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> reasons.create("Perm reason")).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> reasons.update(lunch.id(), lunch.version(), "Lunch", false))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> audit.find(AuditFilter.ALL, 0, 10)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> audit.actions()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> apiKeys.findAll()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> apiKeys.create("Perm key", "x")).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> apiKeys.revoke(1)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> simulator.status()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> simulator.start(false)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> simulator.stop()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> simulator.setRate("Sales", 1)).isInstanceOf(AuthorizationDeniedException.class);

        assertThat(queues.findById(sales.id()).orElseThrow().version()).isEqualTo(sales.version());
        assertThat(queues.findByName("Perm queue")).isEmpty();
        assertThat(reasons.findByName("Lunch").orElseThrow().active()).isTrue();
        assertThat(reasons.findByName("Perm reason")).isEmpty();
        SystemUser.run(() -> {
            assertThat(apiKeys.findAll()).noneMatch(k -> k.name().equals("Perm key"));
            assertThat(simulator.status().running()).isFalse();
        });
    }

    @Test
    @WithUserDetails("supervisor")
    void aSignedInSupervisorCannotReadTheAuditLog() {
        assertThatThrownBy(() -> audit.find(AuditFilter.ALL, 0, 10)).isInstanceOf(AuthorizationDeniedException.class);
    }
}
