package org.switchboard.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.switchboard.SwitchboardTest;
import org.switchboard.common.ConflictException;
import org.switchboard.common.ValidationException;
import org.switchboard.security.Role;
import org.switchboard.security.UserForm;
import org.switchboard.security.UserService;

@SwitchboardTest
class QueueServiceTest {

    @Autowired
    QueueService queues;
    @Autowired
    UserService users;

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void adminCreatesAndUpdatesAQueueWithOptimisticLocking() {
        QueueInfo created = queues.create(QueueSettings.defaults(unique("Billing"), QueueKind.CALL));
        assertThat(queues.findById(created.id())).contains(created);

        QueueSettings changed = new QueueSettings(created.name(), QueueKind.CALL, 25, 45, 15, 900, 30, 1, 2, 4, Set.of());
        QueueInfo updated = queues.update(created.id(), created.version(), changed);
        assertThat(updated.settings()).isEqualTo(changed);

        // A second edit based on the stale version is refused and changes nothing.
        assertThatThrownBy(() -> queues.update(created.id(), created.version(), QueueSettings.defaults(created.name(), QueueKind.CALL)))
                .as("a stale version is a conflict, as everywhere").isInstanceOf(ConflictException.class)
                .hasMessageContaining("changed this queue");
        assertThat(queues.findById(created.id()).orElseThrow().settings()).isEqualTo(changed);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void refusesDuplicateNamesAndSettingsOutOfRange() {
        QueueInfo existing = queues.create(QueueSettings.defaults(unique("Returns"), QueueKind.CALL));
        assertThatThrownBy(() -> queues.create(QueueSettings.defaults(existing.name(), QueueKind.CHAT)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already exists");
        String name = unique("Bad");
        assertThatThrownBy(() -> queues.create(new QueueSettings(name, QueueKind.CALL, 2, 30, 30, 600, 20, 1, 0, 3, Set.of())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("offer timeout");
        assertThat(queues.findByName(name)).isEmpty();
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void campaignSourcesMustBeCallQueues() {
        QueueInfo calls = queues.create(QueueSettings.defaults(unique("Calls"), QueueKind.CALL));
        QueueInfo chats = queues.create(QueueSettings.defaults(unique("Chats"), QueueKind.CHAT));
        QueueSettings base = QueueSettings.defaults(unique("Campaign"), QueueKind.CAMPAIGN);
        QueueInfo campaign = queues.create(withSources(base, Set.of(calls.id())));
        assertThat(campaign.sourceQueueIds()).containsExactly(calls.id());
        assertThatThrownBy(() -> queues.create(withSources(QueueSettings.defaults(unique("Campaign"), QueueKind.CAMPAIGN), Set.of(chats.id()))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("call queues");
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void assignmentsListQueuesPerAgentAndSupervisor() {
        QueueInfo queue = queues.create(QueueSettings.defaults(unique("Assigned"), QueueKind.CALL));
        long agent = users.create(new UserForm("qa-" + UUID.randomUUID().toString().substring(0, 8), "Agent", "password1", Set.of(Role.AGENT), null)).id();
        long supervisor = users.create(new UserForm("qs-" + UUID.randomUUID().toString().substring(0, 8), "Sup", "password1", Set.of(Role.SUPERVISOR), null)).id();

        queues.assign(queue.id(), AssignmentRole.AGENT, Set.of(agent));
        queues.assign(queue.id(), AssignmentRole.SUPERVISOR, Set.of(supervisor));

        assertThat(queues.queuesOf(agent, AssignmentRole.AGENT)).extracting(QueueInfo::id).containsExactly(queue.id());
        assertThat(queues.queuesOf(agent, AssignmentRole.SUPERVISOR)).isEmpty();
        assertThat(queues.usersOf(queue.id(), AssignmentRole.SUPERVISOR)).containsExactly(supervisor);

        queues.assign(queue.id(), AssignmentRole.AGENT, Set.of());
        assertThat(queues.isAssigned(queue.id(), agent, AssignmentRole.AGENT)).isFalse();
        assertThatThrownBy(() -> queues.assign(queue.id(), AssignmentRole.AGENT, Set.of(987654321L)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    @WithMockUser(roles = "AGENT")
    void agentsCannotChangeQueues() {
        assertThatThrownBy(() -> queues.create(QueueSettings.defaults(unique("Nope"), QueueKind.CALL)))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    private static QueueSettings withSources(QueueSettings s, Set<Long> sources) {
        return new QueueSettings(s.name(), s.kind(), s.offerTimeoutSeconds(), s.wrapUpSeconds(),
                s.wrapUpExtensionSeconds(), s.maxWaitSeconds(), s.serviceLevelSeconds(), s.chatCapacity(),
                s.priority(), s.missedOffersBeforePause(), sources);
    }
}
