package org.switchboard.texts;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.security.SignedInUser;

/**
 * Who may change a pre-saved text message: its owner; for a public one, supervisors and admins. The
 * service states it as {@code @PreAuthorize("@textAccess.canEdit(#id)")}; a check is true or refuses
 * with an {@link AccessDeniedException} that says why.
 */
@Component("textAccess")
public class TextAccess {

    private final TextMessageStore store;

    TextAccess(TextMessageStore store) {
        this.store = store;
    }

    /** A message the caller cannot see passes, so the method says "No such message" without telling whose it is. */
    @Transactional(readOnly = true)
    public boolean canEdit(long id) {
        SignedInUser me = SignedInUser.current("Sign in to use pre-saved text messages.");
        boolean allowed = store.findById(id).map(row -> !TextMessageService.visibleTo(row, me) || TextMessageService.editable(row, me))
                .orElse(true);
        if (!allowed) {
            throw new AccessDeniedException("Public pre-saved text messages are managed by supervisors and administrators.");
        }
        return true;
    }
}
