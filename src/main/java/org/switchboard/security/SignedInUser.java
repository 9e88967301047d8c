package org.switchboard.security;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal of a signed-in user; carries the display name so screens need no extra query. */
public record SignedInUser(long id, String username, String displayName, String passwordHash, boolean enabled,
        Set<Role> roles) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The user signed in on this thread; empty for an anonymous caller or an API key. */
    public static Optional<SignedInUser> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof SignedInUser user ? Optional.of(user) : Optional.empty();
    }

    /** The user signed in on this thread; else access is denied with {@code refusal}, which the caller reads. */
    public static SignedInUser current(String refusal) {
        return current().orElseThrow(() -> new AccessDeniedException(refusal));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Drops the hash once authenticated; the session never holds it. */
    SignedInUser withoutPassword() {
        return new SignedInUser(id, username, displayName, "", enabled, roles);
    }
}
