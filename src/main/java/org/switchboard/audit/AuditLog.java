package org.switchboard.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.audit.data.AuditRepository;
import org.switchboard.common.Unrestricted;
import org.switchboard.common.ValidationException;

/**
 * The audit log: who did what to whom and when.
 *
 * <p><b>How to record:</b> call {@link #record(String, AuditTarget, String)} (the actor is the
 * signed-in user, or {@code system} under {@code SystemUser}) or {@link #record(Actor, String,
 * AuditTarget, String)} from <em>inside the service method's own transaction</em>, after the change
 * succeeded. Both require a running transaction ({@link Propagation#MANDATORY}): the entry commits
 * with the change and rolls back with it, so a failed change leaves no entry and a committed change
 * always has one. Calling them outside a transaction throws
 * {@code IllegalTransactionStateException}.
 *
 * <p>Reading the log is for admins.
 */
@Service
public class AuditLog {

    static final int MAX_DETAIL = 2000;
    static final int MAX_PAGE = 1000;

    private final AuditRepository entries;
    private final CurrentActor currentActor;
    private final Clock clock;

    AuditLog(AuditRepository entries, CurrentActor currentActor, Clock clock) {
        this.entries = entries;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** Records an action by the user acting on this thread; joins the caller's transaction. */
    @Unrestricted("inside the services' transactions (MANDATORY), which checked their caller; it only appends")
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry record(String action, AuditTarget target, String detail) {
        return insert(currentActor.get(), action, target, detail);
    }

    /** Records an action by {@code actor}; joins the caller's transaction. */
    @Unrestricted("inside the services' transactions (MANDATORY), which checked their caller; it only appends")
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry record(Actor actor, String action, AuditTarget target, String detail) {
        return insert(actor, action, target, detail);
    }

    private AuditEntry insert(Actor actor, String action, AuditTarget target, String detail) {
        if (actor == null || action == null || action.isBlank() || target == null) {
            throw new IllegalArgumentException("An audit entry needs an actor, an action and a target");
        }
        Instant at = clock.instant();
        String name = target.name() == null ? null : truncate(target.name(), 100);
        String text = detail == null || detail.isBlank() ? null : truncate(detail, MAX_DETAIL);
        long id = entries.insert(at, actor.userId(), actor.username(), action, target.type(), target.id(), name, text);
        return new AuditEntry(id, at, actor.userId(), actor.username(), action, target.type(), target.id(), name, text);
    }

    /** One page of entries, newest first. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new ValidationException("audit.error.page", MAX_PAGE);
        }
        AuditFilter f = filter == null ? AuditFilter.ALL : filter;
        if (f.from() != null && f.to() != null && f.to().isBefore(f.from())) {
            throw new ValidationException("audit.error.end-before-start");
        }
        return entries.find(f, clock.getZone(), offset, limit);
    }

    /** The action codes that occur in the log, for a filter's choices. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<String> actions() {
        return entries.distinctActions();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
