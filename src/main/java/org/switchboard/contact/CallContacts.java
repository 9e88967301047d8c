package org.switchboard.contact;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.common.Unrestricted;
import org.switchboard.contact.data.CallContactQueries;

/**
 * The contact side of calls with audio for the voice module, which owns which calls carry audio: an agent's
 * open contacts, the connected ones, and which are calls between users. Ids only; joins the caller's transaction, which checked its caller.
 */
@Service
@Unrestricted("ids only, for the voice module's checked methods and its sweep")
public class CallContacts {

    private final CallContactQueries queries;

    CallContacts(CallContactQueries queries) {
        this.queries = queries;
    }

    /** The agent's offered, connected and wrap-up contacts. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public List<Long> openOf(long agentId) {
        return queries.openOf(agentId);
    }

    /** Every connected contact with its agent: contact id to agent id. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Map<Long, Long> connected() {
        return queries.connected();
    }

    /** Those of the contacts that are one side of a call between two users (to or from a colleague's line). */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Set<Long> colleagueCallsAmong(Collection<Long> contactIds) {
        return queries.colleagueCallsAmong(contactIds);
    }
}
