package org.switchboard.contact;

import static org.switchboard.contact.ContactState.CONNECTED;
import static org.switchboard.contact.ContactState.OFFERED;
import static org.switchboard.contact.ContactState.QUEUED;
import static org.switchboard.contact.ContactState.WRAP_UP;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.agent.Activity;
import org.switchboard.agent.AgentAccess;
import org.switchboard.agent.AgentActivity;
import org.switchboard.common.ConflictException;
import org.switchboard.common.Message;
import org.switchboard.common.Message;
import org.switchboard.common.NotFoundException;
import org.switchboard.common.Unrestricted;
import org.switchboard.common.ValidationException;
import org.switchboard.contact.data.ContactRepository;
import org.switchboard.contact.data.ContactRepository.EventRow;
import org.switchboard.contact.data.ContactRepository.NewRow;
import org.switchboard.contact.data.ContactRepository.OfferRow;
import org.switchboard.queue.QueueDirectory;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;
import org.switchboard.security.Role;
import org.switchboard.security.UserNames;
import org.switchboard.security.UserNames.UserName;
import org.switchboard.security.UserForm;
import org.switchboard.security.UserService;
import org.switchboard.security.UserSummary;

/**
 * The life cycle of a contact: QUEUED, OFFERED, CONNECTED, WRAP_UP, ENDED. Every change is a
 * conditional update in one transaction with the agent's activity, writes a contact_event row and
 * publishes {@link ContactChanged} after commit.
 */
@Service
@EnableConfigurationProperties(ContactProperties.class)
public class ContactService {

    private static final String INTEGRATION = "hasAnyRole('ADMIN','INTEGRATION')";
    private static final String FOR_AGENT = "@agentAccess.canActFor(#agentId)";
    private static final String ON_CONTACT = "@contactAccess.canActOn(#contactId)";

    private final ContactRepository contacts;
    private final QueueService queues;
    private final QueueDirectory queueNames;
    private final UserService users;
    private final UserNames userNames;
    private final AgentActivity activity;
    private final ApplicationEventPublisher events;
    private final ContactProperties properties;
    private final CustomerAddresses addresses;
    private final Clock clock;

    ContactService(ContactRepository contacts, QueueService queues, QueueDirectory queueNames, UserService users,
            UserNames userNames, AgentActivity activity, ApplicationEventPublisher events, ContactProperties properties,
            CustomerAddresses addresses, Clock clock) {
        this.contacts = contacts;
        this.queues = queues;
        this.queueNames = queueNames;
        this.users = users;
        this.userNames = userNames;
        this.activity = activity;
        this.events = events;
        this.properties = properties;
        this.addresses = addresses;
        this.clock = clock;
    }

    /** A call arrives, a callback is requested or a chat starts: it waits in its queue. */
    @PreAuthorize(INTEGRATION)
    @Transactional
    public ContactView create(NewContact contact) {
        if (contact.type() == null || contact.channel() == null) {
            throw new ValidationException("contact.error.type-and-channel-required");
        }
        if (contact.queue() == null || contact.queue().isBlank()) {
            throw new ValidationException("contact.error.queue-required");
        }
        QueueInfo queue = queues.findByName(contact.queue().trim())
                .orElseThrow(() -> new ValidationException("contact.error.no-such-queue", contact.queue().trim()));
        checkFits(contact.type(), contact.channel(), queue);
        boolean callback = contact.type() == ContactType.CALLBACK_REQUEST;
        String address = addresses.forChannel(contact.channel(), contact.customerAddress(),
                callback || contact.channel() != Channel.VOICE);
        Instant now = now();
        Instant deadline = contact.type() == ContactType.INBOUND_CALL
                ? now.plusSeconds(queue.settings().maxWaitSeconds()) : null;
        String name = CustomerAddresses.name(contact.customerName());
        long id = contacts.insert(new NewRow(contact.type(), contact.channel(), queue.id(), QUEUED, name, address, null,
                null, now, deadline));
        contacts.event(id, now, "CREATED", null, null, queue.name());
        return publish(new ContactView(id, contact.type(), contact.channel(), queue.id(), queue.name(), QUEUED, null, name,
                address, null, null, null, now, now, null, null, null, null, null, null, null, null, false, null, null, null));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public ContactView get(long contactId) {
        return withNames(List.of(contacts.find(contactId).orElseThrow(() -> new NotFoundException("contact.error.no-such-contact", contactId))))
                .getFirst();
    }

    /**
     * The contact a life-cycle step returned, with its queue's name and its agent's username, for the API
     * and the screens that show a step's result (the steps themselves read no names).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public ContactView named(ContactView contact) {
        return withNames(List.of(contact)).getFirst();
    }

    /** The agent's offered, connected and wrap-up contacts, oldest first. */
    @PreAuthorize(FOR_AGENT)
    @Transactional(readOnly = true)
    public List<ContactView> currentContactsOf(long agentId) {
        return withNames(contacts.openContactsOf(agentId));
    }

    /** Contacts waiting in a queue, the longest waiting first. */
    @PreAuthorize("@queueAccess.isMember(#queueId)")
    @Transactional(readOnly = true)
    public List<WaitingContact> waiting(long queueId) {
        return contacts.waitingIn(queueId);
    }

    /** The agent accepts an offer: Accept, or the green phone. */
    @PreAuthorize(FOR_AGENT)
    @Transactional
    public ContactView accept(long agentId, long contactId) {
        ContactView contact = lockOwned(contactId, agentId, OFFERED, "contact.error.offer-gone");
        Instant now = now();
        boolean dialing = contact.type().dialsOut();
        if (contact.type().isVoice()) {
            activity.onContact(agentId, true);
        }
        Instant connectAt = dialing ? now.plus(properties.ringTime()) : null;
        contacts.markAccepted(contactId, now, connectAt);
        contacts.event(contactId, now, dialing ? "ACCEPTED_DIALING" : "ACCEPTED", agentId, AgentAccess.actorId(), null);
        contacts.colleagueCallOf(contact).ifPresent(caller -> {
            if (contacts.markColleagueAnswered(caller, now)) {
                contacts.event(caller, now, "CONNECTED", contacts.find(caller).orElseThrow().agentId(), null, null);
                publish(caller);
            }
        });
        return publish(contact.accepted(now, connectAt));
    }

    /**
     * The other contact of a call between two users (the caller's DIRECT_CALL_OUT or the callee's
     * DIRECT_CALL_IN), for whoever may act on this one: each side's audio goes to the other.
     */
    @PreAuthorize(ON_CONTACT)
    @Transactional(readOnly = true)
    public Optional<ContactView> colleagueCall(long contactId) {
        return contacts.find(contactId).flatMap(contacts::colleagueCallOf).flatMap(contacts::find);
    }

    /** The agent ends the call (the red phone) or resolves the chat. */
    @PreAuthorize(FOR_AGENT)
    @Transactional
    public ContactView end(long agentId, long contactId) {
        ContactView contact = lockOwned(contactId, agentId, CONNECTED, "contact.error.nothing-to-end");
        ContactView after = endTalk(contact, contact.type() == ContactType.CHAT ? "RESOLVED" : "ENDED_BY_AGENT");
        return after != null ? publish(after) : publish(contactId);
    }

    /** The customer hung up or left: while waiting it is abandoned, while connected the talk ends. */
    @PreAuthorize(INTEGRATION)
    @Transactional
    public ContactView customerLeft(long contactId) {
        ContactView contact = contacts.lock(contactId).orElseThrow(() -> new NotFoundException("contact.error.no-such-contact", contactId));
        switch (contact.state()) {
            case QUEUED, OFFERED -> abandon(contact);
            case CONNECTED -> endTalk(contact, "CUSTOMER_LEFT");
            default -> throw new ConflictException("contact.error.already-ended");
        }
        return publish(contactId);
    }

    /** "End wrap up": the agent is ready for the next contact before the wrap-up time is over. */
    @PreAuthorize(FOR_AGENT)
    @Transactional
    public ContactView endWrapUp(long agentId) {
        return endWrapUpOf(agentId, WrapUpEndedBy.AGENT);
    }

    /** A supervisor of one of the agent's queues (or an admin) ends the agent's wrap-up. */
    @PreAuthorize("@agentAccess.manages(#agentId)")
    @Transactional
    public ContactView endWrapUpFor(long agentId) {
        return endWrapUpOf(agentId, WrapUpEndedBy.SUPERVISOR);
    }

    /** Adds the queue's extension to a running wrap-up, once. */
    @PreAuthorize(FOR_AGENT)
    @Transactional
    public ContactView extendWrapUp(long agentId, long contactId) {
        ContactView contact = lockOwned(contactId, agentId, WRAP_UP, "contact.error.no-wrap-up");
        int extension = queues.findById(contact.queueId()).orElseThrow().settings().wrapUpExtensionSeconds();
        if (contact.wrapUpExtended() || contact.wrapUpEndsAt() == null || extension == 0) {
            throw new ConflictException("contact.error.cannot-extend");
        }
        contacts.extendWrapUp(contactId, contact.wrapUpEndsAt().plusSeconds(extension));
        contacts.event(contactId, clock.instant(), "WRAP_UP_EXTENDED", agentId, AgentAccess.actorId(), extension + " s");
        return publish(contactId);
    }

    /** A non-queue call the agent makes by typing a number; it rings, then connects. */
    @PreAuthorize(FOR_AGENT)
    @Transactional
    public ContactView callOut(long agentId, String number) {
        return dial(agentId, number, null);
    }

    /**
     * A non-queue call that continues another contact (a chat flipped to a phone call): the call
     * points back to it.
     */
    @PreAuthorize(FOR_AGENT)
    @Transactional
    public ContactView callOut(long agentId, String number, Long sourceContactId) {
        return dial(agentId, number, sourceContactId);
    }

    private ContactView dial(long agentId, String number, Long sourceContactId) {
        Optional<UserSummary> colleague = UserForm.isLine(number) ? agentWithLine(number.strip()) : Optional.empty();
        String phone = colleague.isPresent() ? number.strip() : addresses.phone(number);
        if (colleague.isPresent() && colleague.get().id() == agentId) {
            throw new ValidationException("contact.error.own-line");
        }
        if (activity.lock(agentId) != Activity.IDLE) {
            throw new ConflictException("contact.error.finish-call-first");
        }
        Instant now = clock.instant();
        // The customer's name, not "Unknown caller": the colleague's, from the chat this call continues, or an earlier contact of the number.
        String name = colleague.map(UserSummary::displayName)
                .or(() -> sourceContactId == null ? Optional.empty() : contacts.find(sourceContactId).map(ContactView::customerName))
                .or(() -> contacts.latestCustomerName(phone)).orElse(null);
        long id = contacts.insert(new NewRow(ContactType.DIRECT_CALL_OUT, Channel.VOICE, null, CONNECTED, name, phone,
                agentId, sourceContactId, now, null));
        // A colleague's line rings until the colleague answers; a phone number as long as the platform's ring time.
        contacts.markDialing(id, now, colleague.isPresent() ? null : now.plus(properties.ringTime()));
        activity.onContact(agentId, false);
        contacts.event(id, now, "DIALED", agentId, AgentAccess.actorId(), phone);
        colleague.ifPresent(callee -> publish(ringDirect(callee.id(), callerLine(agentId), callerName(agentId), id)));
        return publish(id);
    }

    /**
     * The active agent who has the line; empty when no user has it (then it is a phone number). A line
     * of no active agent, or of several, rings nobody: an admin gives it to one agent.
     */
    private Optional<UserSummary> agentWithLine(String line) {
        List<UserSummary> holders = users.withLine(line);
        List<UserSummary> agents = holders.stream().filter(u -> u.enabled() && u.has(Role.AGENT)).toList();
        if (holders.isEmpty()) {
            return Optional.empty();
        }
        if (agents.isEmpty()) {
            throw new NotFoundException("contact.error.line-not-an-agents", line);
        }
        if (agents.size() > 1) {
            throw new ConflictException("contact.error.line-shared", line,
                    String.join(", ", agents.stream().map(UserSummary::username).sorted().toList()));
        }
        return Optional.of(agents.getFirst());
    }

    /** The calling agent as its colleague's offer names it. */
    private String callerName(long agentId) {
        return userNames.of(List.of(agentId)).get(agentId).displayName();
    }

    /** The calling agent's first line, so the colleague sees where to call back; null without one. */
    private String callerLine(long agentId) {
        return users.linesOf(agentId).stream().findFirst().orElse(null);
    }

    /** A non-queue call to the agent: it rings at the agent, or is missed when the agent is busy. */
    @PreAuthorize(INTEGRATION)
    @Transactional
    public ContactView callIn(long agentId, String number, String customerName) {
        return publish(ringDirect(agentId, phoneOrNone(number), customerName, null));
    }

    /**
     * A non-queue call dialed to an extension: it rings the active agent who has that line, or is
     * missed when that agent is busy. An extension two agents share rings nobody: an admin must
     * give it to one of them.
     */
    @PreAuthorize(INTEGRATION)
    @Transactional
    public ContactView callLine(String line, String number, String customerName) {
        String phone = phoneOrNone(number);
        String trimmed = line == null ? "" : line.trim();
        UserSummary agent = agentWithLine(trimmed).orElseThrow(() -> new NotFoundException("contact.error.nobody-has-line", trimmed));
        return publish(ringDirect(agent.id(), phone, customerName, null));
    }

    private String phoneOrNone(String number) {
        return number == null || number.isBlank() ? null : addresses.phone(number);
    }

    /**
     * Rings the agent, or the call is missed at once when the agent is busy.
     *
     * @param colleagueCall for a call between users, the caller's DIRECT_CALL_OUT contact; null for a call from outside
     */
    private ContactView ringDirect(long agentId, String address, String customerName, Long colleagueCall) {
        String name = CustomerAddresses.name(customerName);
        Instant now = clock.instant();
        boolean idle = activity.lock(agentId) == Activity.IDLE;
        long id = contacts.insert(new NewRow(ContactType.DIRECT_CALL_IN, Channel.VOICE, null, idle ? OFFERED : QUEUED,
                name, address, agentId, colleagueCall, now, null));
        if (idle && activity.offered(agentId)) {
            contacts.markDirectOffer(id, now, now.plus(properties.directOfferTimeout()));
            contacts.event(id, now, "OFFERED", agentId, null, null);
        } else {
            close(contacts.find(id).orElseThrow(), Outcome.MISSED, List.of(QUEUED, OFFERED), null);
        }
        return contacts.find(id).orElseThrow();
    }

    /** "Play recording and hang up": the call ends by itself after {@code after}. */
    @PreAuthorize(ON_CONTACT)
    @Transactional
    public ContactView hangUpAfter(long contactId, Duration after) {
        return scheduleHangUp(contactId, after);
    }

    private ContactView scheduleHangUp(long contactId, Duration after) {
        ContactView contact = contacts.lock(contactId).orElseThrow(() -> new NotFoundException("contact.error.no-such-contact", contactId));
        if (contact.agentId() == null || !contact.type().isVoice()) {
            throw new ConflictException("contact.error.hang-up-calls-only");
        }
        if (after.isNegative() || after.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new ValidationException("contact.error.recording-too-long");
        }
        Instant at = clock.instant().plus(after);
        if (!contacts.scheduleHangUp(contactId, at)) {
            throw new ConflictException("contact.error.call-not-connected");
        }
        contacts.event(contactId, clock.instant(), "HANGUP_SCHEDULED", contact.agentId(), AgentAccess.actorId(), after.toMillis() + " ms");
        return publish(contactId);
    }

    /**
     * The agent plays a pre-recorded message into the connected call: written to the contact's history;
     * with {@code thenHangUp} the call ends by itself when the recording's {@code length} has passed.
     */
    @PreAuthorize(ON_CONTACT)
    @Transactional
    public ContactView recordingPlayed(long contactId, String recording, Duration length, boolean thenHangUp) {
        ContactView call = lockConnectedCall(contactId);
        contacts.event(contactId, clock.instant(), "RECORDING_PLAYED", call.agentId(), AgentAccess.actorId(),
                recordingDetail(recording, length, thenHangUp));
        return thenHangUp ? scheduleHangUp(contactId, length) : publish(contactId);
    }

    /** The agent stopped a recording before its end: a hang-up planned after it no longer happens. */
    @PreAuthorize(ON_CONTACT)
    @Transactional
    public ContactView recordingStopped(long contactId, String recording) {
        ContactView call = lockConnectedCall(contactId);
        Instant now = clock.instant();
        contacts.event(contactId, now, "RECORDING_STOPPED", call.agentId(), AgentAccess.actorId(), recordingDetail(recording, null, false));
        if (call.hangupAt() != null && contacts.cancelHangUp(contactId)) {
            contacts.event(contactId, now, "HANGUP_CANCELLED", call.agentId(), AgentAccess.actorId(), null);
        }
        return publish(contactId);
    }

    private ContactView lockConnectedCall(long contactId) {
        ContactView call = contacts.lock(contactId).orElseThrow(() -> new NotFoundException("contact.error.no-such-contact", contactId));
        if (call.agentId() == null || !call.type().isVoice()) {
            throw new ConflictException("contact.error.recordings-calls-only");
        }
        if (call.state() != CONNECTED) {
            throw new ConflictException("contact.error.call-not-connected");
        }
        return call;
    }

    private static String recordingDetail(String recording, Duration length, boolean thenHangUp) {
        String name = recording.length() > 200 ? recording.substring(0, 200) : recording;
        return length == null ? name : name + " (" + Math.round(length.toMillis() / 1000.0) + " s" + (thenHangUp ? ", then hang up)" : ")");
    }

    /**
     * Offers waiting contacts, each to its agent: one UPDATE and one multi-row event insert for the
     * whole batch. The dispatcher calls it inside its claim transaction, after locking the contacts
     * and the agents. False when some contact was no longer waiting; the caller then rolls back.
     */
    @Unrestricted("the dispatcher, inside its claim transaction; it runs without a user")
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean offer(List<ContactOffer> offers) {
        Instant now = clock.instant();
        List<OfferRow> rows = offers.stream()
                .map(o -> new OfferRow(o.contactId(), o.agentId(), now.plusSeconds(o.timeoutSeconds()))).toList();
        if (contacts.offer(rows, now) != offers.size()) {
            return false;
        }
        contacts.events(offers.stream().map(o -> new EventRow(o.contactId(), now, "OFFERED", o.agentId(), null, null)).toList());
        // The engine knows everything the event carries; re-reading each contact would double its statements.
        offers.forEach(o -> events.publishEvent(
                new ContactChanged(o.contactId(), o.type(), o.queueId(), o.agentId(), OFFERED, null)));
        return true;
    }

    // --- transitions shared with the timers ---

    /** Ends the talk; returns the contact in wrap-up, or null when it closed at once (no queue, or a chat). */
    ContactView endTalk(ContactView contact, String why) {
        Instant now = now();
        if (contact.queueId() == null || contact.type() == ContactType.CHAT) {
            close(contact, contact.connectedAt() != null || contact.type() == ContactType.CHAT ? Outcome.HANDLED
                    : contact.type() == ContactType.DIRECT_CALL_IN ? Outcome.MISSED : Outcome.INCOMPLETE,
                    List.of(CONNECTED), why);
            return null;
        }
        int wrapUp = queues.findById(contact.queueId()).orElseThrow().settings().wrapUpSeconds();
        Instant wrapUpEnds = wrapUp > 0 ? now.plusSeconds(wrapUp) : null;
        contacts.startWrapUp(contact.id(), now, wrapUpEnds);
        contacts.event(contact.id(), now, why, contact.agentId(), AgentAccess.actorId(), null);
        activity.wrapUp(contact.agentId());
        return contact.talkEnded(now, wrapUpEnds);
    }

    ContactView closeWrapUp(ContactView contact, WrapUpEndedBy by) {
        Instant now = now();
        Outcome outcome = contact.connectedAt() != null ? Outcome.HANDLED : Outcome.INCOMPLETE;
        contacts.endWrapUp(contact.id(), outcome, now, by);
        contacts.event(contact.id(), now, "WRAP_UP_ENDED", contact.agentId(), by == WrapUpEndedBy.TIME ? null : AgentAccess.actorId(), by.name());
        activity.finished(contact.agentId(), true);
        return contact.wrapUpEnded(outcome, now, by);
    }

    void abandon(ContactView contact) {
        Instant now = clock.instant();
        close(contact, Outcome.ABANDONED, List.of(QUEUED, OFFERED), "ABANDONED");
        if (contact.state() == OFFERED && contact.agentId() != null && contact.type().isVoice()) {
            activity.offerWithdrawn(contact.agentId());
        }
        if (contact.type() == ContactType.INBOUND_CALL) {
            for (QueueInfo campaign : queues.campaignsFedBy(contact.queueId())) {
                long entry = contacts.insert(new NewRow(ContactType.CAMPAIGN_CALL, Channel.VOICE, campaign.id(), QUEUED,
                        contact.customerName(), contact.customerAddress(), null, contact.id(), now, null));
                contacts.event(entry, now, "CREATED", null, null, "from abandoned contact " + contact.id());
                publish(entry);
            }
        }
    }

    void timeOut(ContactView contact) {
        close(contact, Outcome.TIMED_OUT, List.of(QUEUED), "TIMED_OUT");
    }

    /** Ends a contact at once with an outcome; for direct calls the agent is free again. */
    void close(ContactView contact, Outcome outcome, List<ContactState> from, String why) {
        Instant now = clock.instant();
        contacts.close(contact.id(), from, outcome, now);
        contacts.event(contact.id(), now, why == null ? outcome.name() : why, contact.agentId(), AgentAccess.actorId(), outcome.name());
        boolean agentWasBusy = contact.state() == CONNECTED || contact.state() == OFFERED;
        if (contact.queueId() == null && contact.agentId() != null && agentWasBusy) {
            if (contact.state() == OFFERED) {
                activity.offerWithdrawn(contact.agentId());
            } else {
                activity.finished(contact.agentId(), false);
            }
        }
        contacts.colleagueCallOf(contact).ifPresent(other -> hangUpColleague(other, outcome));
    }

    /**
     * One side of a call between users ended (hung up, missed, declined): the other side's call ends
     * too, as when a customer hangs up. While still ringing at the callee it is withdrawn (abandoned).
     */
    private void hangUpColleague(long contactId, Outcome outcome) {
        ContactView other = contacts.lock(contactId).orElseThrow();
        switch (other.state()) {
            case QUEUED, OFFERED -> abandon(other);
            case CONNECTED -> endTalk(other, outcome == Outcome.MISSED ? "NOT_ANSWERED" : "COLLEAGUE_HUNG_UP");
            default -> {
                return;
            }
        }
        publish(contactId);
    }

    ContactView publish(long contactId) {
        return publish(contacts.find(contactId).orElseThrow());
    }

    private ContactView publish(ContactView view) {
        events.publishEvent(new ContactChanged(view.id(), view.type(), view.queueId(), view.agentId(), view.state(), view.outcome()));
        return view;
    }

    /** The contacts with their queues' names and agents' usernames: one statement to each owner for all of them. */
    private List<ContactView> withNames(List<ContactView> views) {
        Set<Long> queueIds = views.stream().map(ContactView::queueId).filter(Objects::nonNull).collect(Collectors.toSet());
        Set<Long> agentIds = views.stream().map(ContactView::agentId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<Long, QueueInfo> named = queueIds.isEmpty() ? Map.of() : queueNames.byIds(queueIds);
        Map<Long, UserName> agents = agentIds.isEmpty() ? Map.of() : userNames.of(agentIds);
        return views.stream().map(view -> view.withNames(
                view.queueId() == null || !named.containsKey(view.queueId()) ? null : named.get(view.queueId()).name(),
                view.agentId() == null || !agents.containsKey(view.agentId()) ? null : agents.get(view.agentId()).username()))
                .toList();
    }

    /** The time of a step as the contact row stores it, in whole milliseconds. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private ContactView endWrapUpOf(long agentId, WrapUpEndedBy by) {
        List<ContactView> wrapping = contacts.lockWrapUpsOf(agentId);
        if (wrapping.isEmpty()) {
            throw new ConflictException("contact.error.not-in-wrap-up");
        }
        List<ContactView> ended = wrapping.stream().map(contact -> closeWrapUp(contact, by)).toList();
        ended.subList(1, ended.size()).forEach(this::publish);
        return publish(ended.getFirst());
    }

    private ContactView lockOwned(long contactId, long agentId, ContactState expected, String conflictKey) {
        ContactView contact = contacts.lock(contactId).orElseThrow(() -> new NotFoundException("contact.error.no-such-contact", contactId));
        if (contact.state() != expected || contact.agentId() == null || contact.agentId() != agentId) {
            throw new ConflictException(conflictKey);
        }
        return contact;
    }

    private static void checkFits(ContactType type, Channel channel, QueueInfo queue) {
        QueueKind needed = switch (type) {
            case INBOUND_CALL, CALLBACK_REQUEST -> QueueKind.CALL;
            case CHAT -> QueueKind.CHAT;
            case CAMPAIGN_CALL -> QueueKind.CAMPAIGN;
            case DIRECT_CALL_IN, DIRECT_CALL_OUT ->
                    throw new ValidationException("contact.error.direct-no-queue");
        };
        if (queue.kind() != needed) {
            throw new ValidationException("contact.error.wrong-queue-kind", type.name(), Message.of(queue.kind().key() + "-lower"),
                    queue.name());
        }
        if ((type == ContactType.CHAT) == (channel == Channel.VOICE)) {
            throw new ValidationException(type == ContactType.CHAT ? "contact.error.chat-channel" : "contact.error.call-channel");
        }
    }
}
