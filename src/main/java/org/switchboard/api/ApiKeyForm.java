package org.switchboard.api;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** What an admin enters for a new API key; checked beside the fields and again by {@link ApiKeyService}. */
public record ApiKeyForm(
        @NotBlank(message = NAME_RULE) @Size(max = 80, message = NAME_RULE) String name,
        @NotEmpty(message = "{api.key.scopes-rule}") Set<ApiScope> scopes) {

    static final String NAME_RULE = "{api.key.name-rule}";
}
