package org.switchboard.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.switchboard.SwitchboardApplication;
import org.switchboard.SwitchboardTest;
import org.switchboard.audit.AuditAction;
import org.switchboard.audit.AuditEntry;
import org.switchboard.audit.AuditFilter;
import org.switchboard.audit.AuditLog;
import org.switchboard.security.Role;
import org.switchboard.security.UserForm;
import org.switchboard.security.UserService;
import org.switchboard.security.UserSummary;

@SwitchboardTest
@ViewPackages(classes = SwitchboardApplication.class)
@WithUserDetails("admin")
class UsersViewTest extends SpringBrowserlessTest {

    @Autowired
    UserService users;
    @Autowired
    AuditLog audit;

    @Test
    @SuppressWarnings("unchecked")
    void searchNarrowsTheListAndDisablingIsAudited() {
        String username = "uv-" + UUID.randomUUID().toString().substring(0, 8);
        UserSummary user = users.create(new UserForm(username, "Viewed User", "password1", Set.of(Role.AGENT), null));
        navigate(UsersView.class);
        Grid<UserSummary> grid = $(Grid.class).single();
        test($(TextField.class).id("user-search")).setValue(username.toUpperCase());
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getRow(0).username()).isEqualTo(username);

        test($(Button.class).from(test(grid).getCellComponent(0, 5)).withText("Disable").single()).click();

        assertThat(users.findByUsername(username).orElseThrow().enabled()).isFalse();
        assertThat(test(grid).getRow(0).enabled()).isFalse();
        AuditEntry entry = audit.find(new AuditFilter("admin", AuditAction.USER_DISABLED, null, null), 0, 50).stream()
                .filter(e -> Long.valueOf(user.id()).equals(e.targetId())).findFirst().orElseThrow();
        assertThat(entry.actorUsername()).isEqualTo("admin");
        assertThat(entry.targetName()).isEqualTo(username);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theUserDialogSavesTheUsersLinesAndRefusesABadOne() {
        String username = "uv-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new UserForm(username, "Lined User", "password1", Set.of(Role.AGENT), null));
        navigate(UsersView.class);
        Grid<UserSummary> grid = $(Grid.class).single();
        test($(TextField.class).id("user-search")).setValue(username);
        test($(Button.class).from(test(grid).getCellComponent(0, 5)).withText("Edit").single()).click();

        TextField lines = $(TextField.class).id("user-lines");
        test(lines).setValue("1001, 1002 x");
        test($(Button.class).withText("Save").single()).click();
        assertThat(users.findByUsername(username).orElseThrow().lines()).as("a bad extension changes nothing").isEmpty();
        assertThat(lines.isInvalid()).as("the field itself says what is wrong").isTrue();
        assertThat(lines.getErrorMessage()).contains("'1002 x' is not an extension");

        test($(TextField.class).id("user-lines")).setValue(" 1001, 1002,");
        test($(Button.class).withText("Save").single()).click();
        assertThat(users.findByUsername(username).orElseThrow().lines()).containsExactly("1001", "1002");
        assertThat(lines.isInvalid()).isFalse();
        assertThat(test(grid).getCellText(0, 3)).isEqualTo("1001, 1002");
    }
}
