package org.switchboard.agent;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.agent.data.PauseReasonEntity;
import org.switchboard.agent.data.PauseReasonRepository;
import org.switchboard.common.ValidationException;

/** The admin-managed list of pause reasons (Lunch, Break, Training, ...). */
@Service
public class PauseReasonService {

    private final PauseReasonRepository reasons;

    PauseReasonService(PauseReasonRepository reasons) {
        this.reasons = reasons;
    }

    /** Every reason, system ones last; for admin screens and for resolving a stored reason. */
    @Transactional(readOnly = true)
    public List<PauseReason> findAll() {
        return reasons.findAllOrdered().stream().map(PauseReasonEntity::toReason).toList();
    }

    /** The reasons an agent may choose: active and not reserved for the system. */
    @Transactional(readOnly = true)
    public List<PauseReason> selectable() {
        return findAll().stream().filter(r -> r.active() && !r.systemReason()).toList();
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
        return save(new PauseReasonEntity(validName(name), reasons.maxSortOrder() + 10));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PauseReason update(long id, int expectedVersion, String name, boolean active) {
        PauseReasonEntity reason = reasons.findById(id).orElseThrow(() -> new ValidationException("No such pause reason."));
        if (reason.getVersion() != expectedVersion) {
            throw new ValidationException("Someone else changed this pause reason meanwhile. Reload and try again.");
        }
        if (reason.isSystemReason()) {
            throw new ValidationException("System pause reasons cannot be changed.");
        }
        reason.setName(validName(name));
        reason.setActive(active);
        return save(reason);
    }

    private PauseReason save(PauseReasonEntity reason) {
        try {
            return reasons.save(reason).toReason();
        } catch (DataIntegrityViolationException e) {
            throw new ValidationException("A pause reason with that name already exists.");
        }
    }

    private static String validName(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 50) {
            throw new ValidationException("A pause reason needs a name of at most 50 characters.");
        }
        return trimmed;
    }
}
