package org.switchboard.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Menu;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.util.ClassUtils;
import org.switchboard.SwitchboardApplication;
import org.switchboard.SwitchboardTest;

/** The shell shows only what the user's roles may open, the user's name, the gear and sign out. */
@SwitchboardTest
@ViewPackages(classes = SwitchboardApplication.class)
class NavigationTest extends SpringBrowserlessTest {

    private List<String> navigationLabels() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    @WithUserDetails("agent1")
    void agentSeesAgentScreensOnly() {
        navigate("", com.vaadin.flow.component.Component.class);
        assertThat(navigationLabels()).contains("Dashboard").doesNotContain("Users", "My queues");
        assertThat(navigationLabels()).as("the guide's order; no two entries share a place")
                .containsSubsequence("Dashboard", "Chat conversations", "Today's Activity", "Week's Activity");
        assertThat($(Span.class).withText("Alice Moreno").exists()).isTrue();
        Button gear = $(Button.class).withId("settings-gear").single();
        assertThat(gear.getAriaLabel()).contains("Settings");
        assertThat($(Button.class).withId("sign-out").exists()).isTrue();
    }

    @Test
    void noTwoMenuEntriesShareAPlace() {
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(Menu.class));
        List<Double> orders = scanner.findCandidateComponents("org.switchboard").stream()
                .map(view -> ClassUtils.resolveClassName(view.getBeanClassName(), getClass().getClassLoader()))
                .map(view -> view.getAnnotation(Menu.class).order()).toList();
        assertThat(orders).hasSizeGreaterThan(10).doesNotHaveDuplicates();
    }

    @Test
    @WithUserDetails("admin")
    void adminSeesAdministration() {
        navigate("admin/users", com.vaadin.flow.component.Component.class);
        assertThat(navigationLabels()).contains("Users").doesNotContain("Dashboard");
    }

    @Test
    @WithUserDetails("agent1")
    void agentCannotOpenAnAdminScreen() {
        navigate("admin/users", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isNotEqualTo("UsersView");
    }
}
