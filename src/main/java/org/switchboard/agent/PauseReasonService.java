package org.switchboard.agent;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.agent.data.PauseReasonEntity;
import org.switchboard.agent.data.PauseReasonRepository;
import org.switchboard.audit.AuditAction;
import org.switchboard.audit.AuditLog;
import org.switchboard.audit.AuditTarget;
import org.switchboard.common.ConflictException;
import org.switchboard.common.FormValidation;
import org.switchboard.common.NotFoundException;
import org.switchboard.common.ValidationException;

/** The admin-managed list of pause reasons (Lunch, Break, Training, ...). */
@Service
@PreAuthorize("isAuthenticated()")
public class PauseReasonService {

    private final PauseReasonRepository reasons;
    private final AuditLog audit;
    private final FormValidation forms;

    PauseReasonService(PauseReasonRepository reasons, AuditLog audit, FormValidation forms) {
        this.forms = forms;
        this.reasons = reasons;
        this.audit = audit;
    }

    /** Every reason, system ones last; for admin screens and for resolving a stored reason. */
    @Transactional(readOnly = true)
    public List<PauseReason> findAll() {
        return all();
    }

    /** The reasons an agent may choose: active and not reserved for the system. */
    @Transactional(readOnly = true)
    public List<PauseReason> selectable() {
        return all().stream().filter(r -> r.active() && !r.systemReason()).toList();
    }

    private List<PauseReason> all() {
        return reasons.findAllOrdered().stream().map(PauseReasonEntity::toReason).toList();
    }

    @Transactional(readOnly = true)
    public Optional<PauseReason> findById(long id) {
        return reasons.findById(id).map(PauseReasonEntity::toReason);
    }

    @Transactional(readOnly = true)
    public Optional<PauseReason> findByName(String name) {
        return reasons.findByName(name).map(PauseReasonEntity::toReason);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PauseReason create(String name) {
        PauseReason created = save(new PauseReasonEntity(validName(name), reasons.maxSortOrder() + 10));
        audit.record(AuditAction.PAUSE_REASON_CREATED, AuditTarget.pauseReason(created.id(), created.name()), null);
        return created;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PauseReason update(long id, int expectedVersion, String name, boolean active) {
        PauseReasonEntity reason = reasons.findById(id).orElseThrow(() -> new NotFoundException("agent.error.no-such-pause-reason"));
        if (reason.getVersion() != expectedVersion) {
            throw ConflictException.staleVersion("agent.error.this-pause-reason");
        }
        if (reason.isSystemReason()) {
            throw new ValidationException("agent.error.system-pause-reason");
        }
        PauseReason before = reason.toReason();
        String oldName = before.name();
        boolean wasActive = before.active();
        reason.setName(validName(name));
        reason.setActive(active);
        PauseReason saved = save(reason);
        AuditTarget target = AuditTarget.pauseReason(saved.id(), saved.name());
        if (!oldName.equals(saved.name())) {
            audit.record(AuditAction.PAUSE_REASON_CHANGED, target, "name: " + oldName + " → " + saved.name());
        }
        if (wasActive != active) {
            audit.record(active ? AuditAction.PAUSE_REASON_ACTIVATED : AuditAction.PAUSE_REASON_DEACTIVATED, target, null);
        }
        return saved;
    }

    private PauseReason save(PauseReasonEntity reason) {
        try {
            return reasons.save(reason).toReason();
        } catch (DataIntegrityViolationException e) {
            throw new ValidationException("agent.error.pause-reason-taken");
        }
    }

    private String validName(String name) {
        return forms.check(new PauseReasonForm(name == null ? null : name.trim())).name();
    }
}
