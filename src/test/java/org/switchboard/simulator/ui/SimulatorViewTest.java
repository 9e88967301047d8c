package org.switchboard.simulator.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.UserSummary;
import org.switchboard.security.SystemUser;
import org.switchboard.simulator.SimulatorService;

/** The simulator screen starts and stops the traffic and sets arrivals per call and chat queue. */
@SwitchboardTest
@ViewPackages(classes = SimulatorView.class)
@WithUserDetails("admin")
class SimulatorViewTest extends SpringBrowserlessTest {

    @Autowired
    SimulatorService simulator;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    ContactService contacts;

    @AfterEach
    void stopped() {
        SystemUser.run(simulator::stop);
    }

    @SuppressWarnings("unchecked")
    Grid<Map.Entry<String, Double>> rates() {
        return $(Grid.class).single();
    }

    List<String> listedQueues() {
        return IntStream.range(0, test(rates()).size()).mapToObj(i -> test(rates()).getRow(i).getKey()).toList();
    }

    NumberField rate(String queue) {
        return (NumberField) test(rates()).getCellComponent(listedQueues().indexOf(queue), 1);
    }

    @Test
    void startAndStopSwitchTheSimulatorAndOnlyTheOtherButtonIsEnabled() {
        navigate(SimulatorView.class);
        Button start = $(Button.class).id("simulator-start");
        Button stop = $(Button.class).id("simulator-stop");
        assertThat($(Span.class).id("simulator-state").getText()).isEqualTo("Stopped");
        assertThat(stop.isEnabled()).isFalse();

        test(start).click();
        assertThat(simulator.status().running()).isTrue();
        assertThat($(Span.class).id("simulator-state").getText()).isEqualTo("Running");
        assertThat(start.isEnabled()).isFalse();

        test(stop).click();
        assertThat(simulator.status().running()).isFalse();
        assertThat(start.isEnabled()).isTrue();
    }

    @Test
    void ratesAreSetPerQueueAndCampaignsAreNotOffered() {
        navigate(SimulatorView.class);
        assertThat(listedQueues()).contains("Sales", "Web Chat").doesNotContain("Missed Calls Campaign");
        assertThat(rate("Web Chat").getAriaLabel()).contains("Arrivals per hour in Web Chat");
        double before = simulator.status().ratesPerHour().get("Web Chat");
        try {
            test(rate("Web Chat")).setValue(120.0);
            assertThat(simulator.status().ratesPerHour()).containsEntry("Web Chat", 120.0);

            test(rate("Web Chat")).setValue(40_000.0);
            assertThat(simulator.status().ratesPerHour()).containsEntry("Web Chat", 120.0);
            assertThat(rate("Web Chat").getValue()).isEqualTo(120.0);
        } finally {
            simulator.setRate("Web Chat", before);
        }
    }

    @Test
    void ringingAnAgentsLinePlacesADirectCallThatRingsThatAgent() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 0);
        UserSummary agent = fixture.readyAgents(1, queue).getFirst();
        String line = RoutingFixture.uniqueLine();
        fixture.giveLines(agent, line);
        navigate(SimulatorView.class);

        test($(TextField.class).id("simulator-line")).setValue(RoutingFixture.uniqueLine());
        test($(Button.class).id("simulator-ring-line")).click();
        assertThat(test($(Notification.class).last()).getText()).startsWith("No user has the line");
        assertThat(openContactsOf(agent)).isEmpty();

        test($(TextField.class).id("simulator-line")).setValue(line);
        test($(Button.class).id("simulator-ring-line")).click();
        assertThat(openContactsOf(agent)).singleElement().satisfies(call -> {
            assertThat(call.type()).isEqualTo(ContactType.DIRECT_CALL_IN);
            assertThat(call.state()).isEqualTo(ContactState.OFFERED);
            assertThat(test($(Notification.class).last()).getText()).endsWith("rings " + agent.username() + ".");
        });
    }

    List<ContactView> openContactsOf(UserSummary agent) {
        return SystemUser.call(() -> contacts.currentContactsOf(agent.id()));
    }
}
