package org.switchboard.texts;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserForm;
import org.switchboard.security.UserService;
import org.switchboard.security.UserSummary;

/** Creates uniquely named users and signs them in for service and view tests. */
final class TestUsers {

    private TestUsers() {
    }

    static SignedInUser create(UserService users, Role... roles) {
        String username = "t" + UUID.randomUUID().toString().substring(0, 10);
        UserSummary created = SystemUser.call(() -> users.create(
                new UserForm(username, "Tess " + username, "switchboard-secret", EnumSet.copyOf(List.of(roles)), null)));
        return new SignedInUser(created.id(), created.username(), created.displayName(), "", true, created.roles());
    }

    static void signIn(SignedInUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }
}
