package org.switchboard.security;

import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.common.Unrestricted;
import org.switchboard.security.data.UserNameQueries;

/**
 * The names of users, for other features' records (who wrote a message, who recorded an audio message,
 * which agent has a contact). Called inside those features' transactions (MANDATORY), which checked their
 * caller; the owner of {@code app_user} answers, so no other feature reads the table.
 */
@Service
@Unrestricted("names only, inside other features' transactions, which checked their caller")
public class UserNames {

    /** A user's sign-in name, the name shown to colleagues and customers, and whether the user may sign in. */
    public record UserName(long id, String username, String displayName, boolean enabled) {
    }

    private final UserNameQueries queries;

    UserNames(UserNameQueries queries) {
        this.queries = queries;
    }

    /** The names of those users that exist, by id. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Map<Long, UserName> of(Collection<Long> userIds) {
        return queries.names(userIds);
    }
}
