package org.switchboard.audio;

import java.util.Set;

/** What a user enters about a pre-recorded audio message; the audio itself comes as a file. */
public record AudioMessageForm(String name, String description, Set<String> tags) {

    public AudioMessageForm {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
