package org.switchboard.dashboard.ui;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import org.switchboard.agent.QueueAgent;
import org.switchboard.contact.ContactView;
import org.switchboard.metrics.QueueMetrics;

/** A card's details: contacts waiting, the queue's agents and their states, today's contacts by outcome. */
class QueueDetailsDialog extends Dialog {

    QueueDetailsDialog(String queueName, List<ContactView> waiting, List<QueueAgent> agents, QueueMetrics today, Clock clock) {
        setHeaderTitle(queueName);
        setWidth("min(52rem, 95vw)");
        Grid<ContactView> waitingGrid = new Grid<>();
        waitingGrid.addColumn(c -> c.customerName() == null ? "Unknown" : c.customerName()).setHeader("Customer");
        waitingGrid.addColumn(c -> c.type().label()).setHeader("Type");
        waitingGrid.addColumn(c -> QueueCard.duration(Duration.between(c.queuedAt(), clock.instant()))).setHeader("Waiting");
        waitingGrid.setItems(waiting);
        waitingGrid.setAllRowsVisible(true);
        waitingGrid.setEmptyStateText("Nobody is waiting.");

        Grid<QueueAgent> agentGrid = new Grid<>();
        agentGrid.addColumn(QueueAgent::displayName).setHeader("Agent");
        agentGrid.addColumn(a -> a.state().name().replace('_', ' ').toLowerCase()
                + (a.pauseReason() == null ? "" : " (" + a.pauseReason() + ")")).setHeader("State");
        agentGrid.addColumn(a -> a.activity().name().replace('_', ' ').toLowerCase()).setHeader("Activity");
        agentGrid.addColumn(a -> a.stateSince() == null ? "" : QueueCard.duration(Duration.between(a.stateSince(), clock.instant())))
                .setHeader("In state for");
        agentGrid.setItems(agents);
        agentGrid.setAllRowsVisible(true);

        Span outcomes = new Span(today == null ? "" : "Handled " + today.handledToday() + " · Abandoned " + today.abandonedToday()
                + " · Timed out " + today.timedOutToday() + " · Incomplete " + today.incompleteToday()
                + " · Total today " + today.totalToday());
        add(new H4("Waiting"), waitingGrid, new H4("Agents"), agentGrid, new H4("Today"), outcomes);
        getFooter().add(new Button("Close", e -> close()));
    }
}
