package org.switchboard.dashboard.ui;

import java.time.Duration;
import java.util.List;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.dom.Element;
import org.switchboard.agent.PauseReason;
import org.switchboard.agent.PresenceState;
import org.switchboard.agent.QueueStatus;
import org.switchboard.metrics.QueueMetrics;
import org.switchboard.queue.QueueKind;

/** One assigned queue or campaign: the agent's status there, its "My Status" menu and its live figures. */
class QueueCard extends Div {

    interface Actions {
        void setState(QueueStatus queue, PresenceState state, Long reasonId);

        void openDetails(QueueStatus queue);
    }

    private final Checkbox selected = new Checkbox();

    QueueCard(QueueStatus queue, QueueMetrics metrics, List<PauseReason> reasons, boolean wasSelected, Actions actions) {
        addClassName("queue-card");
        getElement().setAttribute("data-queue", queue.queueName());
        selected.setAriaLabel("Select " + queue.queueName());
        selected.setValue(wasSelected);
        Span title = new Span(queue.queueName());
        title.addClassName("card-title");
        title.getElement().setAttribute("role", "button");
        title.getElement().setAttribute("tabindex", "0");
        title.getElement().setAttribute("title", "Details of " + queue.queueName());
        title.addClickListener(e -> actions.openDetails(queue));
        Span kind = new Span(queue.kind().label());
        kind.addClassName("kind");
        Div head = new Div(selected, title, kind);
        head.addClassName("card-head");

        Span state = StatusBadge.of(queue.state(), queue.pauseReason());
        MenuBar myStatus = new MenuBar();
        myStatus.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_SMALL);
        SubMenu menu = myStatus.addItem("My Status").getSubMenu();
        menu.addItem("Ready Now", e -> actions.setState(queue, PresenceState.READY, null));
        for (PauseReason reason : reasons) {
            menu.addItem(reason.name(), e -> actions.setState(queue, PresenceState.PAUSED, reason.id()));
        }
        menu.addItem("Logout", e -> actions.setState(queue, PresenceState.LOGGED_OUT, null));
        Div statusRow = new Div(state, myStatus);
        statusRow.addClassName("card-head");
        add(head, statusRow, figures(queue.kind(), metrics));
    }

    boolean isSelected() {
        return selected.getValue();
    }

    private static Div figures(QueueKind kind, QueueMetrics m) {
        Div dl = new Div();
        if (m == null) {
            return dl;
        }
        Element defs = new Element("dl");
        switch (kind) {
            case CALL -> {
                row(defs, "Calls waiting", Integer.toString(m.waiting()));
                row(defs, "Agents logged in", Integer.toString(m.agentsLoggedIn()));
                row(defs, "Longest waiting", duration(m.longestWait()));
                row(defs, "Average handle time", duration(m.averageHandle()));
                row(defs, "Calls today", Integer.toString(m.totalToday()));
                row(defs, "Handled · abandoned · timed out", m.handledToday() + " · " + m.abandonedToday() + " · " + m.timedOutToday());
                row(defs, "Service level", m.serviceLevel() < 0 ? "–" : Math.round(m.serviceLevel() * 100) + " %");
            }
            case CHAT -> {
                row(defs, "Unassigned chats", Integer.toString(m.waiting()));
                row(defs, "Agents logged in", Integer.toString(m.agentsLoggedIn()));
                row(defs, "Longest unassigned wait", duration(m.longestWait()));
                row(defs, "Longest wait for an agent's reply", duration(m.longestAgentReplyWait()));
                row(defs, "Waiting for the agent", Integer.toString(m.chatsAwaitingAgent()));
                row(defs, "Waiting for the customer", Integer.toString(m.chatsAwaitingCustomer()));
                row(defs, "Total waiting on agents", Integer.toString(m.chatsWaitingOnAgents()));
            }
            case CAMPAIGN -> {
                row(defs, "Undialed missed calls", Integer.toString(m.waiting()));
                row(defs, "Dialed today", Math.round(m.dialedShare() * 100) + " %");
                row(defs, "Agents logged in", Integer.toString(m.agentsLoggedIn()));
                row(defs, "Average handle time", duration(m.averageHandle()));
                row(defs, "Calls today", Integer.toString(m.totalToday()));
                row(defs, "Handled · incomplete", m.handledToday() + " · " + m.incompleteToday());
            }
        }
        dl.getElement().appendChild(defs);
        return dl;
    }

    private static void row(Element defs, String term, String value) {
        defs.appendChild(new Element("dt").setText(term), new Element("dd").setText(value));
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }

}
