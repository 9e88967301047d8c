package org.switchboard.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.switchboard.agent.AgentStatus;
import org.switchboard.agent.PauseReason;
import org.switchboard.contact.ContactView;
import org.switchboard.metrics.QueueMetrics;

/** Everything one agent's dashboard shows, loaded in one go outside the UI lock. */
public record DashboardModel(AgentStatus status, List<ContactView> contacts, Map<Long, QueueMetrics> metrics,
        List<PauseReason> pauseReasons, Set<Long> audioCalls) {

    /** Whether the call's audio runs through the agent's softphone (a call from the caller page, or between users). */
    public boolean carriesAudio(ContactView call) {
        return call != null && audioCalls.contains(call.id());
    }

    /** The agent's call (offered, connected or in wrap-up), if any. */
    public ContactView call() {
        return contacts.stream().filter(c -> c.type().isVoice()).findFirst().orElse(null);
    }

    public List<ContactView> chats() {
        return contacts.stream().filter(c -> !c.type().isVoice()).toList();
    }
}
