package org.switchboard.api;

import java.util.Set;

import org.springframework.security.access.AccessDeniedException;

/** The principal of a request authenticated with an API key, with what the key may do. */
public record ApiClient(long keyId, String name, Set<ApiScope> scopes) {

    /** A 403 unless the key has the scope. */
    void require(ApiScope scope) {
        if (!scopes.contains(scope)) {
            throw new AccessDeniedException("The API key '" + name + "' may not do this: it needs the " + scope
                    + " scope (" + scope.label().toLowerCase(java.util.Locale.ROOT) + ").");
        }
    }
}
