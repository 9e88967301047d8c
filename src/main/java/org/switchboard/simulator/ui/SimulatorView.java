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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.common.Refusal;
import org.switchboard.common.UserActions;
import org.switchboard.common.ValidationException;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactView;
import org.switchboard.security.Role;
import org.switchboard.simulator.SimulatorService;

/** Admins start and stop the traffic simulator, set arrivals per queue and ring an agent's line directly. */
@Route("admin/simulator")
@Menu(title = "simulator.view.title", icon = "vaadin:random", order = 560)
@RolesAllowed(Role.ADMIN_ROLE)
class SimulatorView extends Main implements HasDynamicTitle {

    private final SimulatorService simulator;
    private final Span state = new Span();
    private final Checkbox agents = new Checkbox(getTranslation("simulator.view.agents"));
    private final Grid<java.util.Map.Entry<String, Double>> rates = new Grid<>();
    private final Button start = new Button(getTranslation("simulator.view.start"));
    private final Button stop = new Button(getTranslation("simulator.view.stop"));
    private final TextField line = new TextField(getTranslation("simulator.view.line"));

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
        rates.addColumn(java.util.Map.Entry::getKey).setHeader(getTranslation("simulator.view.queue"));
        rates.addComponentColumn(entry -> {
            NumberField field = new NumberField();
            field.setValue(entry.getValue());
            field.setMin(0);
            field.setStepButtonsVisible(true);
            field.setSuffixComponent(new Span(getTranslation("simulator.view.per-hour")));
            field.setAriaLabel(getTranslation("simulator.view.arrivals-in", entry.getKey()));
            field.addValueChangeListener(change -> {
                try {
                    simulator.setRate(entry.getKey(), change.getValue() == null ? 0 : change.getValue());
                    // The rows hold the rates as read; read them again so a re-rendered row shows the new one.
                    rates.setItems(simulator.status().ratesPerHour().entrySet());
                } catch (ValidationException ex) {
                    UserActions.error(ex::in);
                    field.setValue(change.getOldValue());
                }
            });
            return field;
        }).setHeader(getTranslation("simulator.view.arrivals"));
        rates.setAllRowsVisible(true);
        line.setId("simulator-line");
        line.setPlaceholder("2012");
        line.setHelperText(getTranslation("simulator.view.line-help"));
        Button ring = new Button(getTranslation("simulator.view.ring"), e -> ringLine());
        ring.setId("simulator-ring-line");
        HorizontalLayout direct = new HorizontalLayout(line, ring);
        direct.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new Paragraph(getTranslation("simulator.view.explained")),
                new HorizontalLayout(state, start, stop, agents), rates, direct);
        refresh();
    }

    private void ringLine() {
        try {
            ContactView placed = simulator.callLine(line.getValue());
            UserActions.success(placed.state() == ContactState.OFFERED ? "simulator.view.rings" : "simulator.view.missed",
                    placed.customerName(), placed.agentUsername());
        } catch (Refusal e) {
            UserActions.error(e::in);
        }
    }

    private void refresh() {
        SimulatorService.Status status = simulator.status();
        state.setText(getTranslation(status.running() ? "simulator.view.running" : "simulator.view.stopped"));
        start.setEnabled(!status.running());
        stop.setEnabled(status.running());
        state.getElement().getThemeList().clear();
        state.getElement().getThemeList().add(status.running() ? "badge success" : "badge contrast");
        agents.setValue(status.simulateAgents());
        rates.setItems(status.ratesPerHour().entrySet());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("simulator.view.title") + " | Switchboard";
    }
}
