package org.switchboard.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.function.ValueProvider;
import org.switchboard.common.NarrowScreens;
import org.switchboard.agent.Activity;
import org.switchboard.agent.GlobalAction;
import org.switchboard.agent.QueueAgent;
import org.switchboard.contact.ContactView;
import org.switchboard.metrics.QueueMetrics;

/**
 * A queue in detail: the contacts waiting and for how long, its agents with their state and time in
 * state, and today's contacts by outcome and by hour. The agent's card dialog and the supervisor's
 * drill-down both show it; the drill-down adds a column of actions on each agent.
 */
public class QueueDetails extends Div {

    private final Grid<ContactView> waiting = new Grid<>();
    private final Grid<QueueAgent> agents = new Grid<>();
    private final Span outcomes = new Span();
    private final HourlyChart chart = new HourlyChart();

    public QueueDetails() {
        this(null);
    }

    /** @param agentActions the components of an extra "Actions" column of the agents, or null for none */
    public QueueDetails(ValueProvider<QueueAgent, Component> agentActions) {
        addClassName("queue-details");
        waiting.setId("waiting-contacts");
        waiting.addColumn(c -> c.customerName() == null ? "Unknown" : c.customerName()).setHeader("Customer");
        var from = waiting.addColumn(c -> c.customerAddress() == null ? "" : c.customerAddress()).setHeader("From");
        var type = waiting.addColumn(c -> c.type().label()).setHeader("Type");
        NarrowScreens.hideWhenNarrow(waiting, from, type);
        waiting.addComponentColumn(c -> Countdown.since(c.queuedAt())).setHeader("Waiting");
        waiting.setAllRowsVisible(true);
        waiting.setEmptyStateText("Nobody is waiting.");

        agents.setId("queue-agents");
        agents.addColumn(QueueAgent::displayName).setHeader("Agent");
        agents.addComponentColumn(QueueDetails::state).setHeader("State");
        var inStateFor = agents.addComponentColumn(a -> a.stateSince() == null ? new Span() : Countdown.since(a.stateSince()))
                .setHeader("In state for");
        var activity = agents.addComponentColumn(QueueDetails::activity).setHeader("Activity");
        NarrowScreens.hideWhenNarrow(agents, inStateFor, activity);
        if (agentActions != null) {
            NarrowScreens.actions(agents.addComponentColumn(agentActions));
        }
        agents.setAllRowsVisible(true);
        agents.setEmptyStateText("No agents are assigned.");

        chart.setId("hourly-chart");
        outcomes.setId("today-outcomes");
        add(new H4("Waiting"), waiting, new H4("Agents"), agents, new H4("Today by hour"), chart, outcomes);
    }

    public void show(QueueSnapshot snapshot) {
        waiting.setItems(snapshot.waiting());
        agents.setItems(snapshot.agents());
        chart.show(snapshot.byHour());
        QueueMetrics today = snapshot.metrics();
        outcomes.setText(today == null ? "" : "Abandoned " + today.abandonedToday() + " · Timed out " + today.timedOutToday()
                + " · Incomplete " + today.incompleteToday() + " · Handled " + today.handledToday()
                + " · Total today " + today.totalToday());
    }

    private static Component state(QueueAgent agent) {
        Span state = StatusBadge.of(agent.state(), agent.pauseReason());
        if (agent.pending() == null) {
            return state;
        }
        Span pending = new Span(agent.pending().action() == GlobalAction.LOGOUT ? "logout after this contact"
                : "pause after this contact (" + agent.pending().pauseReason() + ")");
        pending.addClassName("pending");
        return new Span(state, pending);
    }

    private static Component activity(QueueAgent agent) {
        Span label = new Span(switch (agent.activity()) {
            case IDLE -> "Idle";
            case OFFERED -> "Offered";
            case ON_CONTACT -> "On a contact";
            case WRAP_UP -> "Wrap-up";
        });
        if (agent.activity() == Activity.IDLE || agent.activitySince() == null) {
            return label;
        }
        return new Span(label, new Span(" · "), Countdown.since(agent.activitySince()));
    }
}
