package org.switchboard.simulator.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.common.ConflictException;
import org.switchboard.common.NotFoundException;
import org.switchboard.common.UserActions;
import org.switchboard.common.ValidationException;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactView;
import org.switchboard.security.Role;
import org.switchboard.simulator.SimulatorService;

/** Admins start and stop the traffic simulator, set arrivals per queue and ring an agent's line directly. */
@Route("admin/simulator")
@PageTitle("Traffic simulator | Switchboard")
@Menu(title = "Traffic simulator", icon = "vaadin:random", order = 560)
@RolesAllowed(Role.ADMIN_ROLE)
class SimulatorView extends Main {

    private final SimulatorService simulator;
    private final Span state = new Span();
    private final Checkbox agents = new Checkbox("Also play agents named sim-…");
    private final Grid<java.util.Map.Entry<String, Double>> rates = new Grid<>();
    private final Button start = new Button("Start");
    private final Button stop = new Button("Stop");
    private final TextField line = new TextField("Agent's line");

    SimulatorView(SimulatorService simulator) {
        this.simulator = simulator;
        addClassName("page");
        state.setId("simulator-state");
        start.addClickListener(e -> {
            simulator.start(agents.getValue());
            refresh();
        });
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setId("simulator-start");
        stop.addClickListener(e -> {
            simulator.stop();
            refresh();
        });
        stop.setId("simulator-stop");
        rates.addColumn(java.util.Map.Entry::getKey).setHeader("Queue");
        rates.addComponentColumn(entry -> {
            NumberField field = new NumberField();
            field.setValue(entry.getValue());
            field.setMin(0);
            field.setStepButtonsVisible(true);
            field.setSuffixComponent(new Span("per hour"));
            field.setAriaLabel("Arrivals per hour in " + entry.getKey());
            field.addValueChangeListener(change -> {
                try {
                    simulator.setRate(entry.getKey(), change.getValue() == null ? 0 : change.getValue());
                    // The rows hold the rates as read; read them again so a re-rendered row shows the new one.
                    rates.setItems(simulator.status().ratesPerHour().entrySet());
                } catch (ValidationException ex) {
                    UserActions.error(ex.getMessage());
                    field.setValue(change.getOldValue());
                }
            });
            return field;
        }).setHeader("Arrivals");
        rates.setAllRowsVisible(true);
        line.setId("simulator-line");
        line.setPlaceholder("2012");
        line.setHelperText("A direct (non-queue) call to the agent who has this extension");
        Button ring = new Button("Ring this line", e -> ringLine());
        ring.setId("simulator-ring-line");
        HorizontalLayout direct = new HorizontalLayout(line, ring);
        direct.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new Paragraph("Generates calls and chats through the same services as real traffic; a share of callers "
                + "hang up while waiting, and their calls feed the campaigns. Simulated agents accept, talk and end wrap-up "
                + "by themselves."),
                new HorizontalLayout(state, start, stop, agents), rates, direct);
        refresh();
    }

    private void ringLine() {
        try {
            ContactView placed = simulator.callLine(line.getValue());
            UserActions.success(placed.state() == ContactState.OFFERED
                    ? "A call from " + placed.customerName() + " rings " + placed.agentUsername() + "."
                    : placed.agentUsername() + " is busy: the call from " + placed.customerName() + " was missed.");
        } catch (ValidationException | NotFoundException | ConflictException e) {
            UserActions.error(e.getMessage());
        }
    }

    private void refresh() {
        SimulatorService.Status status = simulator.status();
        state.setText(status.running() ? "Running" : "Stopped");
        start.setEnabled(!status.running());
        stop.setEnabled(status.running());
        state.getElement().getThemeList().clear();
        state.getElement().getThemeList().add(status.running() ? "badge success" : "badge contrast");
        agents.setValue(status.simulateAgents());
        rates.setItems(status.ratesPerHour().entrySet());
    }
}
