package org.switchboard.dashboard;

import java.util.List;

import org.switchboard.agent.QueueAgent;
import org.switchboard.contact.WaitingContact;
import org.switchboard.metrics.HourlyContacts;
import org.switchboard.metrics.QueueMetrics;
import org.switchboard.queue.QueueInfo;

/** One queue in detail, loaded in one go outside the UI lock: what a card's details and a drill-down show. */
public record QueueSnapshot(QueueInfo queue, QueueMetrics metrics, List<WaitingContact> waiting, List<QueueAgent> agents,
        List<HourlyContacts> byHour) {
}
