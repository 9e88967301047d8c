package org.switchboard.api;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.agent.AgentStatus;
import org.switchboard.agent.AgentStatusService;
import org.switchboard.agent.GlobalAction;
import org.switchboard.agent.PauseReason;
import org.switchboard.agent.PauseReasonService;
import org.switchboard.contact.ContactService;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueService;
import org.switchboard.security.Role;
import org.switchboard.security.UserService;
import org.switchboard.security.UserSummary;

/** For desk phones and CTI integrations: the same services the agent's dashboard calls. */
@RestController
@RequestMapping("/api/v1/agents/{username}")
class AgentsApi {

    /**
     * @param action  READY, PAUSE or LOGOUT for every queue; with {@code queues}, READY logs in to those queues
     * @param pauseReason the reason's name, for PAUSE
     */
    record StatusChange(GlobalAction action, String pauseReason, List<String> queues) {
    }

    record QueueStatusResource(String queue, String state, String pauseReason) {
    }

    /** @param line the extension that takes contact-center calls, one of {@code lines} */
    record StatusResource(String username, String status, String activity, String pending, String line, List<String> lines,
            List<QueueStatusResource> queues) {

        static StatusResource of(AgentStatus s) {
            return new StatusResource(s.username(), s.overall().name(), s.activity().name(),
                    s.pending() == null ? null : s.pending().action().name(), s.line(), s.lines(),
                    s.queues().stream().map(q -> new QueueStatusResource(q.queueName(), q.state().name(), q.pauseReason())).toList());
        }
    }

    private final UserService users;
    private final AgentStatusService agents;
    private final PauseReasonService reasons;
    private final QueueService queues;
    private final ContactService contacts;

    AgentsApi(UserService users, AgentStatusService agents, PauseReasonService reasons, QueueService queues,
            ContactService contacts) {
        this.users = users;
        this.agents = agents;
        this.reasons = reasons;
        this.queues = queues;
        this.contacts = contacts;
    }

    /** Every endpoint here needs the AGENTS scope. */
    @ModelAttribute
    void requireScope(@AuthenticationPrincipal ApiClient client) {
        client.require(ApiScope.AGENTS);
    }

    @GetMapping("/status")
    StatusResource status(@PathVariable String username) {
        long id = agent(username);
        agents.heartbeat(id);
        return StatusResource.of(agents.status(id));
    }

    @PutMapping("/status")
    StatusResource change(@PathVariable String username, @RequestBody StatusChange change) {
        long id = agent(username);
        if (change.action() == null) {
            throw ApiErrors.Refused.badRequest("action is required: READY, PAUSE or LOGOUT.");
        }
        agents.heartbeat(id);
        if (change.action() == GlobalAction.READY && change.queues() != null && !change.queues().isEmpty()) {
            Set<Long> queueIds = new HashSet<>();
            for (String name : change.queues()) {
                queueIds.add(queues.findByName(name).map(QueueInfo::id)
                        .orElseThrow(() -> ApiErrors.Refused.badRequest("There is no queue named '" + name + "'.")));
            }
            return StatusResource.of(agents.loginToQueues(id, queueIds));
        }
        Long reasonId = null;
        if (change.action() == GlobalAction.PAUSE) {
            if (change.pauseReason() == null) {
                throw ApiErrors.Refused.badRequest("pauseReason is required to pause.");
            }
            reasonId = reasons.findByName(change.pauseReason()).map(PauseReason::id)
                    .orElseThrow(() -> ApiErrors.Refused.badRequest("There is no pause reason '" + change.pauseReason() + "'."));
        }
        return StatusResource.of(agents.setGlobal(id, change.action(), reasonId));
    }

    record LineChange(String line) {
    }

    /** The line selector of a desk phone or CTI client: which of the agent's extensions takes queue calls. */
    @PutMapping("/line")
    StatusResource line(@PathVariable String username, @RequestBody LineChange change) {
        long id = agent(username);
        agents.heartbeat(id);
        return StatusResource.of(agents.setLine(id, change.line()));
    }

    @PostMapping("/offers/{contactId}/accept")
    ContactResource accept(@PathVariable String username, @PathVariable long contactId) {
        long id = agent(username);
        agents.heartbeat(id);
        return ContactResource.of(contacts.named(contacts.accept(id, contactId)), agents);
    }

    @PostMapping("/contacts/{contactId}/end")
    ContactResource end(@PathVariable String username, @PathVariable long contactId) {
        long id = agent(username);
        agents.heartbeat(id);
        return ContactResource.of(contacts.named(contacts.end(id, contactId)), agents);
    }

    @PostMapping("/wrap-up/end")
    ContactResource endWrapUp(@PathVariable String username) {
        long id = agent(username);
        agents.heartbeat(id);
        return ContactResource.of(contacts.named(contacts.endWrapUp(id)), agents);
    }

    private long agent(String username) {
        UserSummary user = users.findByUsername(username)
                .orElseThrow(() -> ApiErrors.Refused.notFound("There is no user '" + username + "'."));
        if (!user.has(Role.AGENT) || !user.enabled()) {
            throw ApiErrors.Refused.notFound("'" + username + "' is not an active agent.");
        }
        return user.id();
    }
}
