package org.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.switchboard.SwitchboardTest;
import org.switchboard.common.ConflictException;
import org.switchboard.common.ValidationException;

@SwitchboardTest
@RecordApplicationEvents
class UserServiceTest {

    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;

    static String uniqueName() {
        return "u" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void storesABcryptHashNeverThePassword() {
        String name = uniqueName();
        UserSummary created = users.create(new UserForm(name, "Ines Ortega", "correct horse", EnumSet.of(Role.AGENT, Role.SUPERVISOR), null));

        assertThat(created.roles()).containsExactlyInAnyOrder(Role.AGENT, Role.SUPERVISOR);
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?").param(name).query(String.class).single();
        assertThat(hash).startsWith("$2").doesNotContain("correct horse");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM user_role WHERE app_user = ?").param(created.id()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void refusesBadInputAndStoresNothing() {
        String name = uniqueName();
        assertThatThrownBy(() -> users.create(new UserForm("Bad Name!", "X", "password1", Set.of(Role.AGENT), null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("user name");
        assertThatThrownBy(() -> users.create(new UserForm(name, "X", "short", Set.of(Role.AGENT), null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("8 to 72");
        assertThatThrownBy(() -> users.create(new UserForm(name, "X", "password1", Set.of(), null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("role");
        assertThat(users.findByUsername(name)).isEmpty();

        users.create(new UserForm(name, "X", "password1", Set.of(Role.AGENT), null));
        assertThatThrownBy(() -> users.create(new UserForm(name, "Y", "password1", Set.of(Role.AGENT), null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already taken");
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void changesRolesAndRefusesStaleEdits() {
        UserSummary created = users.create(new UserForm(uniqueName(), "Kim", "password1", Set.of(Role.AGENT), null));
        UserSummary updated = users.update(created.id(), created.version(), new UserForm(null, "Kim Lee", null, Set.of(Role.SUPERVISOR), null));
        assertThat(updated.roles()).containsExactly(Role.SUPERVISOR);
        assertThat(updated.displayName()).isEqualTo("Kim Lee");

        assertThatThrownBy(() -> users.update(created.id(), created.version(), new UserForm(null, "Stale", null, Set.of(Role.AGENT), null)))
                .as("a stale version is a conflict, as everywhere").isInstanceOf(ConflictException.class)
                .hasMessageContaining("changed this user");
        assertThat(users.findByUsername(created.username()).orElseThrow().displayName()).isEqualTo("Kim Lee");
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void disablingAnnouncesItSoOpenSessionsEnd(ApplicationEvents events) {
        UserSummary created = users.create(new UserForm(uniqueName(), "Lena", "password1", Set.of(Role.AGENT), null));
        UserSummary disabled = users.setEnabled(created.id(), created.version(), false);

        assertThat(disabled.enabled()).isFalse();
        assertThat(events.stream(UserDisabled.class)).containsExactly(new UserDisabled(created.id(), created.username()));
        // Enabling again is no reason to end sessions.
        users.setEnabled(created.id(), disabled.version(), true);
        assertThat(events.stream(UserDisabled.class)).hasSize(1);
    }

    @Test
    @WithMockUser(username = "agent1", roles = "AGENT")
    void agentsCannotManageUsers() {
        assertThatThrownBy(() -> users.findAll()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> users.create(new UserForm(uniqueName(), "X", "password1", Set.of(Role.ADMIN), null)))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    @WithMockUser(username = "agent1", roles = "AGENT")
    void aUserChangesOnlyItsOwnPassword() {
        assertThatThrownBy(() -> users.changeOwnPassword("agent2", "switchboard", "new-password"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> users.changeOwnPassword("agent1", "wrong-current", "new-password"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("current password");
    }
}
