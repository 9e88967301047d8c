package org.switchboard.contact;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.common.Unrestricted;
import org.switchboard.contact.data.CallContactQueries;

/**
 * The contact side of web calls for the voice module, which owns which calls carry audio: an agent's
 * open contacts and the connected ones. Ids only; joins the caller's transaction, which checked its caller.
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
}
