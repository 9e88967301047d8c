package org.switchboard.dashboard.ui;

import java.util.List;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.switchboard.agent.PauseReason;
import org.switchboard.agent.PresenceState;
import org.switchboard.agent.QueueStatus;
import org.switchboard.dashboard.QueueFigures;
import org.switchboard.dashboard.StatusBadge;
import org.switchboard.metrics.QueueMetrics;

/** One assigned queue or campaign: the agent's status there, its "My Status" menu and its live figures. */
class QueueCard extends Div {

    interface Actions {
        void setState(QueueStatus queue, PresenceState state, Long reasonId);

        void openDetails(QueueStatus queue);

        /** The agent ticked or unticked a card: the "Login to queues" button says what it will do now. */
        void choiceChanged();
    }

    private final Checkbox selected = new Checkbox();
    private final QueueStatus queue;
    private final List<PauseReason> reasons;
    private final QueueFigures figures;

    QueueCard(QueueStatus queue, QueueMetrics metrics, List<PauseReason> reasons, boolean wasSelected, Actions actions) {
        this.queue = queue;
        this.reasons = reasons;
        addClassName("queue-card");
        getElement().setAttribute("data-queue", queue.queueName());
        // The tick shows what the agent is in; a queue it is logged in to stays ticked (its "My Status"
        // menu logs out of it), one it is not in can be ticked for "Login to queues".
        boolean loggedIn = queue.state() != PresenceState.LOGGED_OUT;
        selected.setValue(loggedIn || wasSelected);
        selected.setReadOnly(loggedIn);
        selected.setAriaLabel(getTranslation(loggedIn ? "dashboard.card.logged-in-to" : "dashboard.card.log-in-to", queue.queueName()));
        selected.setTooltipText(getTranslation(loggedIn ? "dashboard.card.logged-in-tooltip" : "dashboard.card.log-in-tooltip"));
        selected.addValueChangeListener(e -> actions.choiceChanged());
        Span title = new Span(queue.queueName());
        title.addClassName("card-title");
        title.getElement().setAttribute("role", "button");
        title.getElement().setAttribute("tabindex", "0");
        title.getElement().setAttribute("title", getTranslation("dashboard.card.details-of", queue.queueName()));
        title.addClickListener(e -> actions.openDetails(queue));
        // A button for the keyboard too: Enter and Space open the details as a click does
        title.getElement().addEventListener("keydown", e -> actions.openDetails(queue))
                .setFilter("event.key === 'Enter' || event.key === ' '").preventDefault();
        Span kind = new Span(getTranslation(queue.kind().key()));
        kind.addClassName("kind");
        Div head = new Div(selected, title, kind);
        head.addClassName("card-head");

        Span state = StatusBadge.of(queue.state(), queue.pauseReason());
        StatusMenu myStatus = new StatusMenu(getTranslation("dashboard.card.my-status")).offer(StatusMenu.statusChoices(getTranslation("dashboard.card.ready-now"), getTranslation("agent.status.logout"),
                () -> actions.setState(queue, PresenceState.READY, null), reasons,
                reason -> actions.setState(queue, PresenceState.PAUSED, reason),
                () -> actions.setState(queue, PresenceState.LOGGED_OUT, null)));
        myStatus.addThemeNames("tertiary-inline", "small");
        Div statusRow = new Div(state, myStatus);
        statusRow.addClassName("card-head");
        figures = new QueueFigures(queue.kind(), metrics);
        add(head, statusRow, figures);
    }

    /** Whether this card shows the agent's status as given, so that only its figures need to follow. */
    boolean shows(QueueStatus status, List<PauseReason> pauseReasons) {
        return queue.equals(status) && reasons.equals(pauseReasons);
    }

    /** New figures change only the values that differ; the rest of the card (checkbox, menu) stays as it is. */
    void showFigures(QueueMetrics next) {
        figures.show(next);
    }

    /** Ticked to be logged in to by "Login to queues": not in it yet. */
    boolean isChosen() {
        return selected.getValue() && queue.state() == PresenceState.LOGGED_OUT;
    }

    boolean loggedIn() {
        return queue.state() != PresenceState.LOGGED_OUT;
    }

    String queueName() {
        return queue.queueName();
    }
}
