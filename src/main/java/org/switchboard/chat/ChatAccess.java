package org.switchboard.chat;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.chat.data.ChatStore;
import org.switchboard.queue.AssignmentRole;
import org.switchboard.queue.QueueService;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;

/**
 * Who may open a chat: the agent who holds or held it, its queue's supervisors and admins. Services
 * state it as {@code @PreAuthorize("@chatAccess.canRead(#contactId)")}; a check is true or refuses with
 * an {@link AccessDeniedException} that says why.
 */
@Component("chatAccess")
public class ChatAccess {

    private final ChatStore store;
    private final Conversations conversations;
    private final QueueService queues;

    ChatAccess(ChatStore store, Conversations conversations, QueueService queues) {
        this.store = store;
        this.conversations = conversations;
        this.queues = queues;
    }

    /** A chat that does not exist passes, so the method says "No chat". */
    @Transactional(readOnly = true)
    public boolean canRead(long contactId) {
        return mayRead(contactId);
    }

    /** An image of a message, for those who may read its chat. */
    @Transactional(readOnly = true)
    public boolean canReadAttachment(long attachmentId) {
        return store.attachment(attachmentId).map(row -> mayRead(row.contactId())).orElse(true);
    }

    private boolean mayRead(long contactId) {
        boolean allowed = SignedInUser.current().filter(me -> conversations.find(contactId, me.id())
                .map(chat -> me.has(Role.ADMIN) || chat.agentId() != null && chat.agentId() == me.id()
                        || queues.isAssigned(chat.queueId(), me.id(), AssignmentRole.SUPERVISOR))
                .orElse(true)).isPresent();
        if (!allowed) {
            throw new AccessDeniedException("Only the chat's agent, its queue's supervisors and admins may open it.");
        }
        return true;
    }
}
