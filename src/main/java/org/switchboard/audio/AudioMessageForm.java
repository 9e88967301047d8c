package org.switchboard.audio;

import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a user enters about a pre-recorded audio message; the audio itself comes as a file. The
 * constraints are shown beside the fields and checked again by {@link AudioMessageService}.
 */
public record AudioMessageForm(
        @NotBlank(message = "{audio.form.name-required}") @Size(max = MAX_NAME, message = "{audio.form.name-rule}")
        String name,
        @Size(max = MAX_DESCRIPTION, message = "{audio.form.description-rule}") String description,
        Set<@Size(max = MAX_TAG, message = "{audio.form.tag-rule}") String> tags) {

    public static final int MAX_NAME = 100;
    public static final int MAX_DESCRIPTION = 500;
    static final int MAX_TAG = 40;

    public AudioMessageForm {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    /** Name, description and tags trimmed, blank tags left out, sorted: what is checked and stored. */
    AudioMessageForm normalized() {
        Set<String> trimmed = new TreeSet<>();
        tags.stream().map(t -> t == null ? "" : t.trim()).filter(t -> !t.isEmpty()).forEach(trimmed::add);
        return new AudioMessageForm(name == null ? null : name.trim(), description == null ? "" : description.trim(), trimmed);
    }
}
