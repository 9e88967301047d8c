package org.switchboard.security;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.security.data.UserRepository;

/** Loads users from the database for sign-in. */
@Component
class UserAccounts implements UserDetailsService {

    private final UserRepository users;

    UserAccounts(UserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public SignedInUser loadUserByUsername(String username) {
        return users.findByUsername(username == null ? "" : username.trim())
                .map(u -> new SignedInUser(u.getId(), u.getUsername(), u.getDisplayName(), u.getPasswordHash(),
                        u.isEnabled(), u.getRoles()))
                .orElseThrow(() -> new UsernameNotFoundException("No user " + username));
    }

    @Transactional(readOnly = true)
    public boolean isEnabled(String username) {
        return users.findEnabledByUsername(username).orElse(false);
    }
}
