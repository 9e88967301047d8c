package org.switchboard.api;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.agent.AgentStatusService;

/** Non-queue calls the telephony platform puts through to an agent's extension, past every queue. */
@RestController
@RequestMapping("/api/v1/lines/{line}")
class LinesApi {

    /** @param customerAddress the caller's number; absent for a withheld number */
    record IncomingCall(String customerName, String customerAddress) {
    }

    private final IdempotentContacts idempotent;
    private final AgentStatusService agents;

    LinesApi(IdempotentContacts idempotent, AgentStatusService agents) {
        this.idempotent = idempotent;
        this.agents = agents;
    }

    /** A call dialed to the extension: it rings the agent who has it, or is missed at once when that agent is busy. */
    @PostMapping("/calls")
    ResponseEntity<ContactResource> callIn(@AuthenticationPrincipal ApiClient client, @PathVariable String line,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody(required = false) IncomingCall body) {
        client.require(ApiScope.CALLS);
        IncomingCall call = body == null ? new IncomingCall(null, null) : body;
        var result = idempotent.callLine(client.keyId(), idempotencyKey, line, call.customerName(), call.customerAddress());
        ContactResource resource = ContactResource.of(result.contact(), agents);
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + resource.id()))
                .header("Idempotent-Replayed", Boolean.toString(result.replayed())).body(resource);
    }
}
