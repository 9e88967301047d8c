package org.switchboard.api;

import java.time.Clock;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.api.data.IdempotencyRepository;
import org.switchboard.chat.ChatService;
import org.springframework.http.HttpStatus;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.NewContact;

/**
 * Creates a contact at most once per Idempotency-Key of a client. The key row and the contact are
 * written in one transaction; a racing retry waits on the key's unique index and then returns the
 * first contact. Reusing a key for a different request is a 409.
 */
@Service
class IdempotentContacts {

    record Result(ContactView contact, boolean replayed) {
    }

    private final IdempotencyRepository keys;
    private final ContactService contacts;
    private final ChatService chats;
    private final Clock clock;

    IdempotentContacts(IdempotencyRepository keys, ContactService contacts, ChatService chats, Clock clock) {
        this.keys = keys;
        this.contacts = contacts;
        this.chats = chats;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('ADMIN','INTEGRATION')")
    @Transactional
    public Result create(long apiKeyId, String idempotencyKey, NewContact request, String text) {
        return once(apiKeyId, idempotencyKey, request + "\n" + text, () -> createContact(request, text));
    }

    /** A non-queue call dialed to an agent's line. */
    @PreAuthorize("hasAnyRole('ADMIN','INTEGRATION')")
    @Transactional
    public Result callLine(long apiKeyId, String idempotencyKey, String line, String customerName, String customerAddress) {
        return once(apiKeyId, idempotencyKey, "line " + line + "\n" + customerName + "\n" + customerAddress,
                () -> contacts.named(contacts.callLine(line, customerAddress, customerName)));
    }

    /** Runs {@code create} unless this client already sent {@code request} with this key; then returns the first contact. */
    private Result once(long apiKeyId, String idempotencyKey, String request, Supplier<ContactView> create) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return new Result(create.get(), false);
        }
        if (idempotencyKey.length() > 100) {
            throw ApiErrors.Refused.badRequest("An Idempotency-Key has at most 100 characters.");
        }
        String hash = ApiKeyService.hash(request);
        try {
            keys.claim(apiKeyId, idempotencyKey, hash, clock.instant());
        } catch (DuplicateKeyException retry) {
            var first = keys.find(apiKeyId, idempotencyKey).orElseThrow();
            if (!first.requestHash().equals(hash)) {
                throw new ApiErrors.Refused(HttpStatus.CONFLICT, "This Idempotency-Key was already used for a different request.");
            }
            return new Result(contacts.get(first.contactId()), true);
        }
        ContactView created = create.get();
        keys.complete(apiKeyId, idempotencyKey, created.id());
        return new Result(created, false);
    }

    /** A chat starts with the customer's first message; calls carry no text. */
    private ContactView createContact(NewContact request, String text) {
        if (request.type() == ContactType.CHAT) {
            return contacts.named(chats.start(request, text));
        }
        if (text != null) {
            throw ApiErrors.Refused.badRequest("Only a chat has a text.");
        }
        return contacts.named(contacts.create(request));
    }
}
