package org.switchboard.texts;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.common.ConflictException;
import org.switchboard.common.FormValidation;
import org.switchboard.common.Message;
import org.switchboard.common.NotFoundException;
import org.switchboard.common.ValidationException;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;

/**
 * The pre-saved text message library of the signed-in user: its own messages plus the public ones.
 * Ownership is enforced here: an agent changes only its own messages; public messages are read-only
 * to agents and managed by supervisors and admins, who may also keep personal ones.
 */
@Service
@PreAuthorize("hasAnyRole('AGENT','SUPERVISOR','ADMIN')")
public class TextMessageService {

    /** How many suggestions {@link #suggest} returns at most. */
    public static final int SUGGESTION_LIMIT = 8;
    private static final String EDITOR = "@textAccess.canEdit(#id)";

    private final TextMessageStore store;
    private final Clock clock;
    private final FormValidation forms;

    TextMessageService(TextMessageStore store, Clock clock, FormValidation forms) {
        this.store = store;
        this.clock = clock;
        this.forms = forms;
    }

    /**
     * The signed-in user's own and the public messages matching {@code search} (in title, shortcut or
     * text, ignoring case; blank matches all) and {@code category} (null or blank for every category).
     */
    @Transactional(readOnly = true)
    public List<TextMessage> list(String search, String category) {
        SignedInUser me = me();
        String needle = search == null ? "" : search.trim().toLowerCase(Locale.ROOT);
        return store.visibleTo(me.id()).stream()
                .filter(r -> needle.isEmpty() || (r.title() + "\n" + r.shortcut() + "\n" + r.body())
                        .toLowerCase(Locale.ROOT).contains(needle))
                .filter(r -> category == null || category.isBlank() || r.categories().contains(category))
                .map(r -> view(r, me)).toList();
    }

    /** Every category name, for pickers and filters. */
    @Transactional(readOnly = true)
    public List<String> categories() {
        me();
        return store.categoryNames();
    }

    /** One message visible to the signed-in user. */
    @Transactional(readOnly = true)
    public TextMessage get(long id) {
        return shown(id);
    }

    private TextMessage shown(long id) {
        SignedInUser me = me();
        return view(visible(id, me), me);
    }

    /**
     * Messages of user {@code userId} (own and public) whose shortcut starts with the typed prefix
     * ("/ho" finds "/hours"); at most {@link #SUGGESTION_LIMIT}, own ones first. The prefix must start
     * with "/"; otherwise the result is empty.
     */
    @PreAuthorize("@agentAccess.isSelf(#userId)")
    @Transactional(readOnly = true)
    public List<TextMessage> suggest(long userId, String typedPrefix) {
        SignedInUser me = me();
        if (typedPrefix == null || !typedPrefix.startsWith("/")) {
            return List.of();
        }
        String prefix = typedPrefix.toLowerCase(Locale.ROOT);
        return store.visibleTo(userId).stream()
                .filter(r -> r.shortcut().toLowerCase(Locale.ROOT).startsWith(prefix))
                .sorted(Comparator.comparing((TextMessageStore.Row r) -> r.ownerId() == null)
                        .thenComparing(TextMessageStore.Row::shortcut))
                .limit(SUGGESTION_LIMIT).map(r -> view(r, me)).toList();
    }

    /**
     * The text of message {@code messageId} with placeholders filled from {@code context}; see
     * {@link Placeholders#fill}: unknown placeholders and known ones without a value stay visible as
     * typed. The saved message is never changed.
     */
    @Transactional(readOnly = true)
    public String fill(long messageId, PlaceholderContext context) {
        return Placeholders.fill(visible(messageId, me()).body(), context);
    }

    @Transactional
    public TextMessage create(TextMessageForm form) {
        SignedInUser me = me();
        TextMessageForm valid = validate(form, me);
        Long owner = form.publicMessage() ? null : me.id();
        checkShortcutFree(owner, valid.shortcut(), null);
        long id;
        try {
            id = store.insert(owner, valid.title(), valid.shortcut(), valid.body(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw taken(owner, valid.shortcut());
        }
        store.setCategories(id, valid.categories());
        return shown(id);
    }

    /** Changes a message; refused when it belongs to someone else or changed meanwhile. */
    @PreAuthorize(EDITOR)
    @Transactional
    public TextMessage update(long id, int expectedVersion, TextMessageForm form) {
        SignedInUser me = me();
        TextMessageStore.Row existing = visible(id, me);
        TextMessageForm valid = validate(form, me);
        Long owner = form.publicMessage() ? null : (existing.ownerId() == null ? me.id() : existing.ownerId());
        checkShortcutFree(owner, valid.shortcut(), id);
        boolean updated;
        try {
            updated = store.update(id, expectedVersion, owner, valid.title(), valid.shortcut(), valid.body(),
                    clock.instant());
        } catch (DuplicateKeyException e) {
            throw taken(owner, valid.shortcut());
        }
        if (!updated) {
            throw ConflictException.staleVersion("texts.error.this-message");
        }
        store.setCategories(id, valid.categories());
        return shown(id);
    }

    @PreAuthorize(EDITOR)
    @Transactional
    public void delete(long id) {
        visible(id, me());
        store.delete(id);
    }

    /** Whether the signed-in user may create, change and delete public messages. */
    public static boolean managesPublic(SignedInUser user) {
        return user.has(Role.SUPERVISOR) || user.has(Role.ADMIN);
    }

    private TextMessageForm validate(TextMessageForm form, SignedInUser me) {
        if (form.publicMessage() && !managesPublic(me)) {
            throw new AccessDeniedException("Only supervisors and administrators manage public pre-saved text messages.");
        }
        return forms.check(form.normalized());
    }

    private void checkShortcutFree(Long owner, String shortcut, Long exceptId) {
        store.findByShortcut(owner, shortcut).filter(r -> exceptId == null || r.id() != exceptId).ifPresent(r -> {
            throw taken(owner, shortcut, r.title());
        });
    }

    private ValidationException taken(Long owner, String shortcut) {
        return taken(owner, shortcut, store.findByShortcut(owner, shortcut).<Object>map(TextMessageStore.Row::title)
                .orElseGet(() -> Message.of("texts.error.another-message")));
    }

    /** {@code title} is the other message's, or a {@link Message} when it is gone meanwhile. */
    private static ValidationException taken(Long owner, String shortcut, Object title) {
        return new ValidationException(owner == null ? "texts.error.shortcut-taken-public" : "texts.error.shortcut-taken-own",
                shortcut, title);
    }

    private TextMessageStore.Row visible(long id, SignedInUser me) {
        return store.findById(id).filter(r -> visibleTo(r, me))
                .orElseThrow(() -> new NotFoundException("texts.error.no-such-message"));
    }

    static boolean visibleTo(TextMessageStore.Row row, SignedInUser me) {
        return row.ownerId() == null || row.ownerId() == me.id();
    }

    static boolean editable(TextMessageStore.Row row, SignedInUser me) {
        return row.ownerId() == null ? managesPublic(me) : row.ownerId() == me.id();
    }

    private static TextMessage view(TextMessageStore.Row r, SignedInUser me) {
        return new TextMessage(r.id(), r.ownerId(), r.title(), r.shortcut(), r.body(), r.categories(), editable(r, me),
                r.version(), r.createdAt(), r.updatedAt());
    }

    private static SignedInUser me() {
        return SignedInUser.current("Sign in to use pre-saved text messages.");
    }
}
