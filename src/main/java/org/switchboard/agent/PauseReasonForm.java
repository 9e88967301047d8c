package org.switchboard.agent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an admin enters for a pause reason; checked beside the field and again by {@link PauseReasonService}. */
public record PauseReasonForm(@NotBlank(message = NAME_RULE) @Size(max = 50, message = NAME_RULE) String name) {

    static final String NAME_RULE = "{agent.pause-reason.name-rule}";
}
