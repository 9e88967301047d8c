package org.switchboard.audio;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.audio.data.AudioMessageRepository;
import org.switchboard.security.SignedInUser;

/**
 * Who may change, archive or delete a pre-recorded audio message: its creator, supervisors and admins.
 * The service states it as {@code @PreAuthorize("@audioAccess.canEdit(#id)")}; a check is true or
 * refuses with an {@link AccessDeniedException} that says why.
 */
@Component("audioAccess")
public class AudioAccess {

    private final AudioMessageRepository messages;

    AudioAccess(AudioMessageRepository messages) {
        this.messages = messages;
    }

    /** A message that does not exist passes, so the method says "No such audio message". */
    @Transactional(readOnly = true)
    public boolean canEdit(long id) {
        SignedInUser me = SignedInUser.current("Sign in to use pre-recorded audio messages.");
        if (!messages.find(id).map(row -> AudioMessageService.editable(row, me)).orElse(true)) {
            throw new AccessDeniedException("Only its creator, supervisors and administrators change this audio message.");
        }
        return true;
    }
}
