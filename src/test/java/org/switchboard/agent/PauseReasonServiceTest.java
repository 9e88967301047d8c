package org.switchboard.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.switchboard.SwitchboardTest;
import org.switchboard.common.ValidationException;

@SwitchboardTest
class PauseReasonServiceTest {

    @Autowired
    PauseReasonService reasons;

    @Test
    @WithMockUser(roles = "ADMIN")
    void adminAddsRenamesAndDeactivatesReasons() {
        String name = "Coaching " + UUID.randomUUID().toString().substring(0, 6);
        PauseReason created = reasons.create(name);
        assertThat(reasons.selectable()).extracting(PauseReason::name).contains(name);

        PauseReason renamed = reasons.update(created.id(), created.version(), name + " 1:1", false);
        assertThat(renamed.active()).isFalse();
        assertThat(reasons.selectable()).extracting(PauseReason::name).doesNotContain(name, name + " 1:1");
        assertThat(reasons.findAll()).extracting(PauseReason::name).contains(name + " 1:1");
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void systemReasonsExistAndCannotBeChangedOrChosen() {
        PauseReason missed = reasons.findByName(PauseReason.MISSED_OFFERS).orElseThrow();
        assertThat(missed.systemReason()).isTrue();
        assertThat(reasons.findByName(PauseReason.DISCONNECTED)).isPresent();
        assertThat(reasons.selectable()).extracting(PauseReason::name)
                .doesNotContain(PauseReason.MISSED_OFFERS, PauseReason.DISCONNECTED);
        assertThatThrownBy(() -> reasons.update(missed.id(), missed.version(), "Renamed", true))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void namesAreUniqueAndRequired() {
        assertThatThrownBy(() -> reasons.create("Lunch")).isInstanceOf(ValidationException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> reasons.create("  ")).isInstanceOf(ValidationException.class);
    }

    @Test
    @WithMockUser(roles = {"AGENT", "SUPERVISOR"})
    void onlyAdminsManageReasons() {
        assertThatThrownBy(() -> reasons.create("Nap")).isInstanceOf(AuthorizationDeniedException.class);
    }
}
