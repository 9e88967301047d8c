package org.switchboard.texts;

import java.time.Instant;
import java.util.List;

/**
 * A pre-saved text message as seen by the signed-in user. {@code ownerId} is null for a public
 * message; {@code editable} says whether the signed-in user may change or delete it.
 */
public record TextMessage(long id, Long ownerId, String title, String shortcut, String body, List<String> categories,
        boolean editable, int version, Instant createdAt, Instant updatedAt) {

    public boolean isPublic() {
        return ownerId == null;
    }

    /** The body shortened for lists. */
    public String snippet(int length) {
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() <= length ? flat : flat.substring(0, length - 1) + "…";
    }
}
