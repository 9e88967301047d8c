package org.switchboard.dashboard;

import java.time.Duration;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import org.switchboard.metrics.QueueMetrics;
import org.switchboard.queue.QueueKind;

/** A queue's live figures as DESIGN lists them for its kind; the agent's cards and the supervisor's screens show them. */
public class QueueFigures extends Div {

    public static final String SERVICE_LEVEL_EXPLAINED = "Calls answered within the queue's service-level threshold, out of the calls "
            + "answered, abandoned after the threshold or timed out today. Calls abandoned within the threshold are left out.";

    public QueueFigures(QueueKind kind, QueueMetrics m) {
        addClassName("queue-figures");
        if (m == null) {
            return;
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
                row(defs, "Service level", serviceLevel(m)).setAttribute("title", SERVICE_LEVEL_EXPLAINED);
                row(defs, "Average speed of answer", duration(m.averageSpeedOfAnswer()));
                row(defs, "Abandon rate", percent(m.abandonRate()));
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
                row(defs, "Dialed today", percent(m.dialedShare()));
                row(defs, "Agents logged in", Integer.toString(m.agentsLoggedIn()));
                row(defs, "Average handle time", duration(m.averageHandle()));
                row(defs, "Calls today", Integer.toString(m.totalToday()));
                row(defs, "Handled · incomplete", m.handledToday() + " · " + m.incompleteToday());
            }
        }
        getElement().appendChild(defs);
    }

    /** "87 %", or a dash while nothing has counted yet today. */
    public static String serviceLevel(QueueMetrics m) {
        return m.serviceLevel() < 0 ? "–" : percent(m.serviceLevel());
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    /** "m:ss", or "h:mm:ss" from an hour on. */
    public static String duration(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }

    private static Element row(Element defs, String term, String value) {
        Element dt = new Element("dt").setText(term);
        defs.appendChild(dt, new Element("dd").setText(value));
        return dt;
    }
}
