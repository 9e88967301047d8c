package org.switchboard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.MutableClock;
import org.switchboard.SwitchboardTest;
import org.switchboard.agent.PauseReason;
import org.switchboard.agent.PauseReasonService;
import org.switchboard.common.ValidationException;
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

/** Admin changes land in the audit log with who, whom, what and when, in the change's own transaction. */
@SwitchboardTest
@WithUserDetails("admin")
class AuditLogTest {

    @Autowired
    AuditLog audit;
    @Autowired
    UserService users;
    @Autowired
    QueueService queues;
    @Autowired
    PauseReasonService reasons;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private long adminId() {
        return users.findByUsername("admin").orElseThrow().id();
    }

    /** The entries about one target, newest first (the log is shared by every test in the JVM). */
    private List<AuditEntry> about(String targetType, long targetId) {
        return audit.find(AuditFilter.ALL, 0, 1000).stream()
                .filter(e -> targetType.equals(e.targetType()) && Long.valueOf(targetId).equals(e.targetId())).toList();
    }

    @Test
    void userChangesRecordWhoWhomWhatAndWhen() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofDays(3));
        clock.set(at);
        UserSummary created = users.create(new UserForm(unique("au-"), "Audit Target", "password1", Set.of(Role.AGENT), null));
        clock.advance(Duration.ofMinutes(5));
        UserSummary changed = users.update(created.id(), created.version(),
                new UserForm(created.username(), "Audit Renamed", "", Set.of(Role.AGENT, Role.SUPERVISOR), null));
        clock.advance(Duration.ofMinutes(5));
        UserSummary disabled = users.setEnabled(changed.id(), changed.version(), false);
        clock.advance(Duration.ofMinutes(5));
        users.setEnabled(disabled.id(), disabled.version(), true);

        List<AuditEntry> entries = about(AuditTarget.USER, created.id());
        assertThat(entries).extracting(AuditEntry::action).containsExactly(AuditAction.USER_ENABLED,
                AuditAction.USER_DISABLED, AuditAction.USER_CHANGED, AuditAction.USER_CREATED);
        AuditEntry first = entries.get(3);
        assertThat(first.at()).isEqualTo(at);
        assertThat(first.actorId()).isEqualTo(adminId());
        assertThat(first.actorUsername()).isEqualTo("admin");
        assertThat(first.targetName()).isEqualTo(created.username());
        assertThat(first.detail()).contains("Audit Target").contains("Agent");
        assertThat(entries.get(2).detail()).contains("name: Audit Target → Audit Renamed")
                .contains("roles: Agent → Agent, Supervisor").doesNotContain("password");
        assertThat(entries.get(1).at()).isEqualTo(at.plus(Duration.ofMinutes(10)));
    }

    @Test
    void aChangeThatFailsWritesNoEntry() {
        String name = unique("au-");
        // The change rolls back after the service wrote its entry: the entry rolls back with it.
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            users.create(new UserForm(name, "Rolled Back", "password1", Set.of(Role.AGENT), null));
            throw new IllegalStateException("later step failed");
        })).hasMessage("later step failed");
        assertThat(users.findByUsername(name)).isEmpty();
        assertThat(audit.find(AuditFilter.ALL, 0, 1000)).noneMatch(e -> name.equals(e.targetName()));

        // A change the service refuses writes nothing either.
        String queueName = unique("Audit bad ");
        assertThatThrownBy(() -> queues.create(new QueueSettings(queueName, QueueKind.CALL, 1, 30, 30, 600, 20, 1, 0, 3, Set.of())))
                .isInstanceOf(ValidationException.class);
        assertThat(audit.find(AuditFilter.ALL, 0, 1000)).noneMatch(e -> queueName.equals(e.targetName()));
    }

    @Test
    void recordingNeedsTheCallersTransaction() {
        assertThatThrownBy(() -> audit.record(AuditAction.AGENT_PAUSED, AuditTarget.agent(1, "agent1"), "outside"))
                .isInstanceOf(IllegalTransactionStateException.class);
        AuditEntry entry = tx.execute(status -> audit.record(new Actor(42L, "sup-x"), AuditAction.AGENT_WRAP_UP_ENDED,
                AuditTarget.agent(7, "agent7"), "Queue Sales"));
        assertThat(audit.find(new AuditFilter("sup-x", AuditAction.AGENT_WRAP_UP_ENDED, null, null), 0, 10))
                .extracting(AuditEntry::id).contains(entry.id());
    }

    @Test
    void queueSettingsAssignmentsAndPauseReasonsAreRecorded() {
        QueueInfo queue = queues.create(QueueSettings.defaults(unique("Audit q "), QueueKind.CALL));
        QueueSettings s = queue.settings();
        queues.update(queue.id(), queue.version(), new QueueSettings(s.name(), s.kind(), 25, 0, s.wrapUpExtensionSeconds(),
                s.maxWaitSeconds(), s.serviceLevelSeconds(), s.chatCapacity(), s.priority(), s.missedOffersBeforePause(), Set.of()));
        long agent1 = users.findByUsername("agent1").orElseThrow().id();
        queues.assign(queue.id(), AssignmentRole.AGENT, Set.of(agent1));

        List<AuditEntry> entries = about(AuditTarget.QUEUE, queue.id());
        assertThat(entries).extracting(AuditEntry::action).containsExactly(AuditAction.QUEUE_AGENTS_ASSIGNED,
                AuditAction.QUEUE_CHANGED, AuditAction.QUEUE_CREATED);
        assertThat(entries.get(0).detail()).contains("added agent1");
        assertThat(entries.get(1).detail()).contains("offer timeout: 20 s → 25 s").contains("wrap-up: 30 s → 0 s")
                .doesNotContain("max wait");

        PauseReason reason = reasons.create(unique("Audit reason "));
        reasons.update(reason.id(), reason.version(), reason.name(), false);
        assertThat(about(AuditTarget.PAUSE_REASON, reason.id())).extracting(AuditEntry::action)
                .containsExactly(AuditAction.PAUSE_REASON_DEACTIVATED, AuditAction.PAUSE_REASON_CREATED);
    }

    @Test
    void backgroundWorkIsRecordedAsTheSystem() {
        String name = unique("Audit sys ");
        QueueInfo queue = SystemUser.call(() -> queues.create(QueueSettings.defaults(name, QueueKind.CHAT)));
        AuditEntry entry = about(AuditTarget.QUEUE, queue.id()).getFirst();
        assertThat(entry.actorUsername()).isEqualTo("system");
        assertThat(entry.actorId()).isNull();
    }

    @Test
    void filtersByActorActionAndDaysNewestFirstInPages() {
        String actor = unique("flt-");
        ZonedDateTime day = ZonedDateTime.now(clock.getZone()).minusDays(20).withHour(23).withMinute(30);
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < 5; i++) {
                clock.set(day.plusHours(i).toInstant());   // 23:30, 00:30 next day, ...
                audit.record(new Actor(null, actor), i % 2 == 0 ? AuditAction.AGENT_PAUSED : AuditAction.AGENT_LOGGED_OUT,
                        AuditTarget.agent(100 + i, "agent" + i), "entry " + i);
            }
        });

        List<AuditEntry> all = audit.find(new AuditFilter(actor, null, null, null), 0, 100);
        assertThat(all).extracting(AuditEntry::detail).containsExactly("entry 4", "entry 3", "entry 2", "entry 1", "entry 0");
        // what the user types is matched literally: "_" and "%" are no wildcards
        assertThat(audit.find(new AuditFilter(actor.replace('-', '_'), null, null, null), 0, 100)).isEmpty();
        assertThat(audit.find(new AuditFilter("%" + actor, null, null, null), 0, 100)).isEmpty();
        assertThat(audit.find(new AuditFilter(actor, null, null, null), 1, 2)).extracting(AuditEntry::detail)
                .containsExactly("entry 3", "entry 2");
        assertThat(audit.find(new AuditFilter(actor, AuditAction.AGENT_LOGGED_OUT, null, null), 0, 100))
                .extracting(AuditEntry::detail).containsExactly("entry 3", "entry 1");
        LocalDate first = day.toLocalDate();
        assertThat(audit.find(new AuditFilter(actor, null, first, first), 0, 100)).extracting(AuditEntry::detail)
                .containsExactly("entry 0");
        assertThat(audit.find(new AuditFilter(actor, null, first.plusDays(1), null), 0, 100)).hasSize(4);
        assertThat(audit.find(new AuditFilter(actor.toUpperCase(), null, null, null), 0, 100)).hasSize(5);
        assertThat(audit.find(new AuditFilter(actor + "x", null, null, null), 0, 100)).isEmpty();
        assertThat(audit.actions()).contains(AuditAction.AGENT_PAUSED, AuditAction.AGENT_LOGGED_OUT);
        assertThatThrownBy(() -> audit.find(new AuditFilter(null, null, first, first.minusDays(1)), 0, 10))
                .isInstanceOf(ValidationException.class);
    }
}
