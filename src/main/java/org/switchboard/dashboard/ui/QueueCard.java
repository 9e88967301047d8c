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
        selected.setAriaLabel(getTranslation("dashboard.card.select", queue.queueName()));
        selected.setValue(wasSelected);
        Span title = new Span(queue.queueName());
        title.addClassName("card-title");
        title.getElement().setAttribute("role", "button");
        title.getElement().setAttribute("tabindex", "0");
        title.getElement().setAttribute("title", getTranslation("dashboard.card.details-of", queue.queueName()));
        title.addClickListener(e -> actions.openDetails(queue));
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

    boolean isSelected() {
        return selected.getValue();
    }
}
