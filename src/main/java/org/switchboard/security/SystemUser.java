package org.switchboard.security;

import java.util.EnumSet;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work that no person started (demo seeding, the simulator, timers) with admin rights, so the
 * services' own role checks still apply to everything a person does.
 */
public final class SystemUser {

    public static final String USERNAME = "system";
    private static final SignedInUser SYSTEM = new SignedInUser(0, USERNAME, "System", "", true, EnumSet.allOf(Role.class));

    private SystemUser() {
    }

    public static <T> T call(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(SYSTEM, null, SYSTEM.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
