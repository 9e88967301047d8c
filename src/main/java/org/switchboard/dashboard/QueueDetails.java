package org.switchboard.dashboard;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.function.ValueProvider;
import org.switchboard.common.NarrowScreens;
import org.switchboard.agent.Activity;
import org.switchboard.agent.GlobalAction;
import org.switchboard.agent.PauseReason;
import org.switchboard.agent.QueueAgent;
import org.switchboard.contact.WaitingContact;
import org.switchboard.metrics.QueueMetrics;

/**
 * A queue in detail: the contacts waiting and for how long, its agents with their state and time in
 * state, and today's contacts by outcome and by hour. The agent's card dialog and the supervisor's
 * drill-down both show it; the drill-down adds a column of actions on each agent.
 */
public class QueueDetails extends Div {

    private final Grid<WaitingContact> waiting = new Grid<>();
    private final Grid<QueueAgent> agents = new Grid<>();
    private List<WaitingContact> shownWaiting;
    private List<QueueAgent> shownAgents;
    private final Span outcomes = new Span();
    private final HourlyChart chart = new HourlyChart();

    public QueueDetails() {
        this(null);
    }

    /** @param agentActions the components of an extra "Actions" column of the agents, or null for none */
    public QueueDetails(ValueProvider<QueueAgent, Component> agentActions) {
        addClassName("queue-details");
        waiting.setId("waiting-contacts");
        waiting.addColumn(c -> c.customerName() == null ? getTranslation("dashboard.details.unknown") : c.customerName())
                .setHeader(getTranslation("dashboard.details.customer"));
        var from = waiting.addColumn(c -> c.customerAddress() == null ? "" : c.customerAddress()).setHeader(getTranslation("dashboard.details.from"));
        var type = waiting.addColumn(c -> getTranslation(c.type().key())).setHeader(getTranslation("dashboard.details.type"));
        NarrowScreens.hideWhenNarrow(waiting, from, type);
        waiting.addComponentColumn(c -> Countdown.since(c.queuedAt())).setHeader(getTranslation("dashboard.details.waiting"));
        waiting.setAllRowsVisible(true);
        waiting.setEmptyStateText(getTranslation("dashboard.details.nobody-waiting"));

        agents.setId("queue-agents");
        agents.addColumn(QueueAgent::displayName).setHeader(getTranslation("dashboard.details.agent"));
        agents.addComponentColumn(this::state).setHeader(getTranslation("dashboard.details.state"));
        var inStateFor = agents.addComponentColumn(a -> a.stateSince() == null ? new Span() : Countdown.since(a.stateSince()))
                .setHeader(getTranslation("dashboard.details.in-state-for"));
        var activity = agents.addComponentColumn(this::activity).setHeader(getTranslation("dashboard.details.activity"));
        NarrowScreens.hideWhenNarrow(agents, inStateFor, activity);
        if (agentActions != null) {
            NarrowScreens.actions(agents.addComponentColumn(agentActions));
        }
        agents.setAllRowsVisible(true);
        agents.setEmptyStateText(getTranslation("dashboard.details.no-agents"));

        chart.setId("hourly-chart");
        outcomes.setId("today-outcomes");
        add(new H4(getTranslation("dashboard.details.waiting")), waiting, new H4(getTranslation("dashboard.details.agents")), agents,
                new H4(getTranslation("dashboard.details.today-by-hour")), chart, outcomes);
    }

    /**
     * Shows a snapshot. A table whose rows did not change keeps its row components: a repaint that
     * replaced them would swallow a click already on its way to the old buttons (the supervisor's
     * End wrap up, pressed while another change to the queue repainted the page, did nothing).
     */
    public void show(QueueSnapshot snapshot) {
        if (!snapshot.waiting().equals(shownWaiting)) {
            shownWaiting = snapshot.waiting();
            waiting.setItems(shownWaiting);
        }
        if (!snapshot.agents().equals(shownAgents)) {
            shownAgents = snapshot.agents();
            agents.setItems(shownAgents);
        }
        chart.show(snapshot.byHour());
        QueueMetrics today = snapshot.metrics();
        outcomes.setText(today == null ? "" : getTranslation("dashboard.details.outcomes", today.today().handled(),
                today.today().abandoned(), today.today().timedOut(), today.today().incomplete(), today.today().total()));
    }

    private Component state(QueueAgent agent) {
        Span state = StatusBadge.of(agent.state(), agent.pauseReason());
        if (agent.pending() == null) {
            return state;
        }
        Span pending = new Span(agent.pending().action() == GlobalAction.LOGOUT
                ? getTranslation("dashboard.details.pending-logout")
                : getTranslation("dashboard.details.pending-pause", PauseReason.shown(agent.pending().pauseReason(), getLocale())));
        pending.addClassName("pending");
        return new Span(state, pending);
    }

    private Component activity(QueueAgent agent) {
        Span label = new Span(getTranslation(switch (agent.activity()) {
            case IDLE -> "agent.activity.idle";
            case OFFERED -> "agent.activity.offered";
            case ON_CONTACT -> "agent.activity.on-contact";
            case WRAP_UP -> "agent.activity.wrap-up";
        }));
        if (agent.activity() == Activity.IDLE || agent.activitySince() == null) {
            return label;
        }
        return new Span(label, new Span(" · "), Countdown.since(agent.activitySince()));
    }
}
