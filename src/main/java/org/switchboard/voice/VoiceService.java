package org.switchboard.voice;

import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.common.ConflictException;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactView;
import org.switchboard.voice.data.WebCallStore;

/** The agent's side of web calls: which of its calls carry audio, and its softphone's signals. */
@Service
public class VoiceService {

    private static final String FOR_AGENT = "@agentAccess.canActFor(#agentId)";

    private final ContactService contacts;
    private final WebCallStore store;
    private final SignalRelay relay;

    VoiceService(ContactService contacts, WebCallStore store, SignalRelay relay) {
        this.contacts = contacts;
        this.store = store;
        this.relay = relay;
    }

    /** The agent's open calls (offered, connected, in wrap-up) that are web calls, so its softphone carries their audio. */
    @PreAuthorize(FOR_AGENT)
    @Transactional(readOnly = true)
    public Set<Long> webCallsOf(long agentId) {
        return Set.copyOf(store.openWebCallsOf(agentId));
    }

    /**
     * The agent's softphone signals for the agent's own connected web call; any other call id (another
     * agent's, an ended one, one that carries no audio) is refused.
     */
    @PreAuthorize(FOR_AGENT)
    @Transactional(readOnly = true)
    public void signal(long agentId, long contactId, SignalKind kind, String payload) {
        ContactView call = contacts.currentContactsOf(agentId).stream().filter(c -> c.id() == contactId).findFirst()
                .orElseThrow(() -> new ConflictException("Call " + contactId + " is not yours (any more): the signal was refused."));
        if (!store.openWebCallsOf(agentId).contains(contactId)) {
            throw new ConflictException("Call " + contactId + " carries no audio through this app: the signal was refused.");
        }
        relay.relay(call, Party.AGENT, kind, payload);
    }
}
