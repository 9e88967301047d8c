package org.switchboard.contact;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.agent.AgentAccess;
import org.switchboard.contact.data.ContactRepository;

/**
 * Who may act on a contact: whoever may act for its agent (see {@link AgentAccess}). Services state it
 * as {@code @PreAuthorize("@contactAccess.canActOn(#contactId)")}.
 */
@Component("contactAccess")
public class ContactAccess {

    private final ContactRepository contacts;
    private final AgentAccess agents;

    ContactAccess(ContactRepository contacts, AgentAccess agents) {
        this.contacts = contacts;
        this.agents = agents;
    }

    /**
     * True when the caller may act for the contact's agent. A contact that does not exist or has no
     * agent passes: the methods guarded by this act only on an agent's contact and refuse the others.
     */
    @Transactional(readOnly = true)
    public boolean canActOn(long contactId) {
        return contacts.find(contactId)
                .map(contact -> contact.agentId() == null || agents.canActFor(contact.agentId()))
                .orElse(true);
    }
}
