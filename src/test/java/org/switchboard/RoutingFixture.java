package org.switchboard;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.switchboard.agent.AgentStatusService;
import org.switchboard.queue.AssignmentRole;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;
import org.switchboard.queue.QueueSettings;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserForm;
import org.switchboard.security.UserService;
import org.switchboard.security.UserSummary;

/** Builds queues and agents of their own for one test, on the shared database. */
@Component
public class RoutingFixture {

    private final QueueService queues;
    private final UserService users;
    private final AgentStatusService agents;

    RoutingFixture(QueueService queues, UserService users, AgentStatusService agents) {
        this.queues = queues;
        this.users = users;
        this.agents = agents;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public QueueInfo queue(QueueKind kind, int priority, int wrapUpSeconds) {
        QueueSettings d = QueueSettings.defaults(unique(kind.name().toLowerCase()), kind);
        return SystemUser.call(() -> queues.create(new QueueSettings(d.name(), kind, 20, wrapUpSeconds, 30, 600, 20,
                kind == QueueKind.CHAT ? 2 : 1, priority, 3, Set.of())));
    }

    public QueueInfo queue(QueueSettings settings) {
        return SystemUser.call(() -> queues.create(settings));
    }

    /** An admin renames the queue; its other settings stay. */
    public QueueInfo rename(QueueInfo queue, String name) {
        QueueSettings s = queue.settings();
        return SystemUser.call(() -> queues.update(queue.id(), queue.version(), new QueueSettings(name, s.kind(),
                s.offerTimeoutSeconds(), s.wrapUpSeconds(), s.wrapUpExtensionSeconds(), s.maxWaitSeconds(),
                s.serviceLevelSeconds(), s.chatCapacity(), s.priority(), s.missedOffersBeforePause(), s.sourceQueueIds())));
    }

    /** An extension no other user of the shared database has. */
    public static String uniqueLine() {
        return "7" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An admin sets the user's phone extensions. */
    public void giveLines(UserSummary user, String... lines) {
        SystemUser.run(() -> {
            UserSummary current = users.findByUsername(user.username()).orElseThrow();
            users.update(current.id(), current.version(), new UserForm(null, current.displayName(), null, current.roles(),
                    List.of(lines)));
        });
    }

    public UserSummary user(Role... roles) {
        return SystemUser.call(() -> users.create(new UserForm(unique("u").toLowerCase(), "Test " + roles[0].label(),
                "password1", EnumSet.copyOf(List.of(roles)), null)));
    }

    /** Agents assigned to the queues, logged in and ready in all of them. */
    public List<UserSummary> readyAgents(int count, QueueInfo... inQueues) {
        List<UserSummary> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            created.add(user(Role.AGENT));
        }
        for (QueueInfo queue : inQueues) {
            List<Long> ids = new ArrayList<>(SystemUser.call(() -> queues.usersOf(queue.id(), AssignmentRole.AGENT)));
            created.forEach(a -> ids.add(a.id()));
            SystemUser.run(() -> queues.assign(queue.id(), AssignmentRole.AGENT, Set.copyOf(ids)));
        }
        Set<Long> queueIds = new java.util.HashSet<>();
        for (QueueInfo queue : inQueues) {
            queueIds.add(queue.id());
        }
        for (UserSummary agent : created) {
            SystemUser.run(() -> agents.loginToQueues(agent.id(), queueIds));
        }
        return created;
    }

    public void supervise(QueueInfo queue, UserSummary supervisor) {
        SystemUser.run(() -> queues.assign(queue.id(), AssignmentRole.SUPERVISOR, Set.of(supervisor.id())));
    }

    /** Runs as the given person, as if signed in. */
    public static <T> T as(UserSummary user, Supplier<T> work) {
        SignedInUser principal = new SignedInUser(user.id(), user.username(), user.displayName(), "", true, user.roles());
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void as(UserSummary user, Runnable work) {
        as(user, () -> {
            work.run();
            return null;
        });
    }
}
