package org.switchboard.contact;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
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
     * agent passes for a signed-in caller: the methods guarded by this act only on an agent's contact
     * and refuse the others.
     */
    @Transactional(readOnly = true)
    public boolean canActOn(long contactId) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            throw new AccessDeniedException("Sign in first.");
        }
        return contacts.find(contactId)
                .map(contact -> contact.agentId() == null || agents.canActFor(contact.agentId()))
                .orElse(true);
    }
}
