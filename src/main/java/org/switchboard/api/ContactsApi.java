package org.switchboard.api;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.agent.AgentStatusService;
import org.switchboard.chat.ChatService;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.NewContact;

/** Calls, callback requests and chats arriving from the telephony platform and the chat channels. */
@RestController
@RequestMapping("/api/v1/contacts")
class ContactsApi {

    record CreateContact(String queue, ContactType type, Channel channel, String customerName, String customerAddress,
            String text) {
    }

    private final IdempotentContacts idempotent;
    private final ContactService contacts;
    private final ChatService chats;
    private final ApiProperties properties;
    private final AgentStatusService agents;

    ContactsApi(IdempotentContacts idempotent, ContactService contacts, ChatService chats, ApiProperties properties,
            AgentStatusService agents) {
        this.agents = agents;
        this.idempotent = idempotent;
        this.contacts = contacts;
        this.chats = chats;
        this.properties = properties;
    }

    @PostMapping
    ResponseEntity<ContactResource> create(@AuthenticationPrincipal ApiClient client,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody CreateContact body) {
        client.require(body.type() == ContactType.CHAT ? ApiScope.CHATS : ApiScope.CALLS);
        properties.checkTextLength(body.text());
        var result = idempotent.create(client.keyId(), idempotencyKey,
                new NewContact(body.queue(), body.type(), body.channel(), body.customerName(), body.customerAddress()), body.text());
        ContactResource resource = ContactResource.of(result.contact(), agents);
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + resource.id()))
                .header("Idempotent-Replayed", Boolean.toString(result.replayed())).body(resource);
    }

    @GetMapping("/{id}")
    ContactResource get(@AuthenticationPrincipal ApiClient client, @PathVariable long id) {
        client.require(ApiScope.READ);
        return ContactResource.of(contacts.get(id), agents);
    }

    record CustomerMessage(String text) {
    }

    /** The customer writes in a chat. */
    @PostMapping("/{id}/messages")
    ResponseEntity<MessageResource> customerWrites(@AuthenticationPrincipal ApiClient client, @PathVariable long id,
            @RequestBody CustomerMessage body) {
        client.require(ApiScope.CHATS);
        properties.checkTextLength(body.text());
        MessageResource message = MessageResource.of(chats.customerWrites(id, body.text()));
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + id + "/messages/" + message.id())).body(message);
    }

    /** The customer hung up or left the chat. */
    @PostMapping("/{id}/hangup")
    ContactResource hangUp(@AuthenticationPrincipal ApiClient client, @PathVariable long id) {
        client.require(contacts.get(id).type() == ContactType.CHAT ? ApiScope.CHATS : ApiScope.CALLS);
        return ContactResource.of(contacts.named(contacts.customerLeft(id)), agents);
    }
}
