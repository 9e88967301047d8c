package org.switchboard.dashboard.ui;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.common.Subscriptions;
import org.switchboard.agent.Activity;
import org.switchboard.agent.AgentStatus;
import org.switchboard.agent.AgentStatusService;
import org.switchboard.agent.GlobalAction;
import org.switchboard.agent.PauseReason;
import org.switchboard.agent.PresenceState;
import org.switchboard.agent.QueueStatus;
import org.switchboard.audio.AudioMessagePicker;
import org.switchboard.audio.AudioMessageService;
import org.switchboard.audio.RecordingPlayback;
import org.switchboard.chat.ChannelBadge;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactView;
import org.switchboard.common.CoalescedRefresh;
import org.switchboard.common.ScreenRefreshes;
import org.switchboard.dashboard.Countdown;
import org.switchboard.dashboard.DashboardFeed;
import org.switchboard.dashboard.DashboardModel;
import org.switchboard.dashboard.DashboardService;
import org.switchboard.dashboard.StatusBadge;
import org.switchboard.metrics.QueueMetrics;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;
import org.switchboard.common.UserActions;
import org.switchboard.voice.Softphone;
import org.switchboard.voice.VoiceFeed;
import org.switchboard.voice.VoiceProperties;
import org.switchboard.voice.VoiceService;

/**
 * The agent's one screen: status, the call (offer, talk, wrap-up) and a card per assigned queue.
 * It follows every change by server push: a change marks the view dirty, and at most four times a
 * second the data is loaded on the refresh thread and applied in {@code ui.access}.
 */
@Route("dashboard")
@Menu(title = "dashboard.view.title", icon = "vaadin:headset", order = 10)
@RolesAllowed(Role.AGENT_ROLE)
@JavaScript("context://assets/sb-clock.js")
@JavaScript("context://assets/sb-voice.js")
public class DashboardView extends Main implements ContactPanel.Actions, QueueCard.Actions, HasDynamicTitle {

    static final long REPAINT_DELAY_MILLIS = 250;

    private final DashboardService dashboards;
    private final AgentStatusService agents;
    private final ContactService contacts;
    private final DashboardFeed feed;
    private final SignedInUser me;

    /** What the agent is doing with a call, beside the "Agent status" menu; together they are the status. */
    private final Span activity = new Span();
    private final Span status = new Span();
    private final Span since = new Span();
    private final StatusMenu statusMenu = new StatusMenu(getTranslation("dashboard.status.label"));
    private final Div pending = new Div();
    /** Announces a new offer to screen readers at once (assertive: it rings only for the offer's timeout). */
    private final Span offerAnnouncement = new Span();
    private final Div statusBar;
    private final Button notify;
    private final Button login;
    /** Made when the agent first has a line: an agent who takes calls on none needs no selector. */
    private Select<String> line;
    private List<String> lines = List.of();
    private final ContactPanel panel = new ContactPanel(this);
    private final AudioMessageService audio;
    private final RecordingPlayback playback;
    private final Softphone softphone;
    private final Div chats = new Div();
    private final Div cards = new Div();
    private final Map<Long, QueueCard> cardsById = new LinkedHashMap<>();
    private final CoalescedRefresh<Loaded> refresh;
    private final CoalescedRefresh<Map<Long, QueueMetrics>> figuresRefresh;
    private DashboardModel model;
    private final AtomicLong loadsStarted = new AtomicLong();
    private long newestShown;
    /** When the oldest change not yet repainted was published (System.nanoTime()), or 0. */
    private final AtomicLong unshownSince = new AtomicLong();
    private List<PauseReason> menuReasons;
    private List<ContactView> shownChats;
    private Long announcedOffer;

    DashboardView(DashboardService dashboards, AgentStatusService agents, ContactService contacts, DashboardFeed feed,
            AudioMessageService audio, AuthenticationContext authentication, ScreenRefreshes refreshes, VoiceService voice,
            VoiceFeed voiceFeed, VoiceProperties voiceProperties) {
        this.audio = audio;
        this.playback = new RecordingPlayback(audio);
        this.dashboards = dashboards;
        this.agents = agents;
        this.contacts = contacts;
        this.feed = feed;
        this.me = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        this.softphone = new Softphone(voice, voiceFeed, voiceProperties, me.id(), UserActions::errorText);
        this.refresh = refreshes.coalesced("the dashboard of agent " + me.id(), REPAINT_DELAY_MILLIS, this::load, this::show);
        this.figuresRefresh = refreshes.coalesced("the queue figures on the dashboard of agent " + me.id(), REPAINT_DELAY_MILLIS,
                () -> dashboards.figuresOf(me.id(), queueIds()), this::applyFigures);
        addClassNames("page", "dashboard");

        status.setId("agent-status");
        activity.setId("agent-activity");
        status.add(activity, statusMenu);
        status.addClassName("status-bar");
        since.addClassName("since");
        statusMenu.setId("agent-status-menu");
        statusMenu.getElement().setAttribute("aria-label", getTranslation("dashboard.status.label"));
        statusMenu.addThemeNames("dropdown-indicators");
        pending.setId("pending-change");
        offerAnnouncement.setId("offer-announcement");
        offerAnnouncement.addClassName("visually-hidden");
        offerAnnouncement.getElement().setAttribute("aria-live", "assertive");
        offerAnnouncement.getElement().setAttribute("aria-atomic", "true");
        login = new Button(getTranslation("dashboard.queues.login"), VaadinIcon.SIGN_IN.create(), e -> loginToSelected());
        login.setId("login-to-queues");
        notify = new Button(VaadinIcon.BELL.create(), e -> getElement().executeJs("window.sbAskNotificationPermission()"));
        notify.setAriaLabel(getTranslation("dashboard.notify.label"));
        notify.setTooltipText(getTranslation("dashboard.notify.tooltip"));
        notify.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        statusBar = new Div(status, since, pending, notify);
        statusBar.addClassName("status-bar");
        cards.addClassName("cards");
        cards.setId("queue-cards");
        chats.setId("chat-offers");
        Div queuesHead = new Div(new H2(getTranslation("dashboard.queues.title")), login);
        queuesHead.addClassName("status-bar");
        // The playback sits outside the panel: repainting the panel must not cut the recording off.
        // The softphone too: a repaint of the panel must not drop the call's audio.
        add(statusBar, offerAnnouncement, panel, softphone, playback, chats, queuesHead, cards);

        Shortcuts.addShortcutListener(this, () -> onCall(ContactState.OFFERED, this::accept), Key.KEY_A, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> onCall(ContactState.CONNECTED, this::end), Key.KEY_E, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> onCall(ContactState.WRAP_UP, c -> endWrapUp()), Key.KEY_W, KeyModifier.ALT);
        show(load());
    }

    // --- live updates ---

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        // A change of this agent reloads the whole screen; a change elsewhere in its queues only their
        // figures, which all dashboards of the node share.
        Subscriptions.untilDetached(this, feed.subscribe(me.id(), changed -> {
            boolean mine = changed.about(me.id());
            if (mine || changed.concerns(me.id(), queueIds())) {
                unshownSince.compareAndSet(0, changed.publishedAt());
                (mine ? refresh : figuresRefresh).request(ui, authentication);
            }
        }));
    }

    private Set<Long> queueIds() {
        DashboardModel current = model;
        Set<Long> ids = new HashSet<>();
        if (current != null) {
            current.status().queues().forEach(q -> ids.add(q.queueId()));
        }
        return ids;
    }

    /** A model with the order in which its load started: a pushed load may finish after a later one. */
    private record Loaded(long number, DashboardModel model) {
    }

    private Loaded load() {
        long number = loadsStarted.incrementAndGet();
        return new Loaded(number, dashboards.load(me.id()));
    }

    /** Shows a loaded model unless a load that started later is already shown. */
    private void show(Loaded loaded) {
        if (loaded.number() > newestShown) {
            newestShown = loaded.number();
            apply(loaded.model());
        }
    }

    // --- rendering ---

    void apply(DashboardModel next) {
        changesShown();
        this.model = next;
        var agent = next.status();
        showStatus(agent, agent.overall() == PresenceState.PAUSED ? pausedReason(next) : null);
        pending.setText(agent.pending() == null ? "" : agent.pending().action() == GlobalAction.LOGOUT
                ? getTranslation("dashboard.status.pending-logout")
                : getTranslation("dashboard.status.pending-pause", PauseReason.shown(agent.pending().pauseReason(), getLocale())));
        if (!next.pauseReasons().equals(menuReasons)) {
            buildStatusMenu(next);
        }
        showLine(agent);
        ContactView call = next.call();
        // The panel keeps itself as it is when the call and line did not change.
        boolean audio = next.carriesAudio(call);
        panel.show(call, call == null || call.type().usesChosenLine() ? agent.line() : null, audio);
        softphone.follow(call, audio);
        stopPlaybackUnlessConnected(call);
        announce(call);
        if (!next.chats().equals(shownChats)) {
            showChats(next);
        }
        showCards(next);
    }

    /**
     * The top of the screen: what the agent is doing with a call (Ringing, On call, Wrap-up) when busy,
     * and the "Agent status" menu named for its presence (Ready, Paused, Logged out). The timer counts
     * from when the shown state began, as the database recorded it.
     */
    private void showStatus(AgentStatus agent, String pauseReason) {
        PresenceState presence = agent.overall();
        statusMenu.name(StatusBadge.label(this, presence, pauseReason));
        statusMenu.getElement().getThemeList().set("primary", presence == PresenceState.READY);
        activity.removeAll();
        Span doing = StatusBadge.doing(agent.activity());
        java.time.Instant from;
        if (doing != null) {
            activity.add(doing);
            from = agent.activitySince();
        } else {
            from = agent.queues().stream().map(QueueStatus::since).filter(java.util.Objects::nonNull)
                    .max(java.time.Instant::compareTo).orElse(null);
        }
        since.removeAll();
        if (from != null) {
            since.add(new Span(getTranslation("dashboard.status.for") + " "), Countdown.since(from));
        }
    }

    /**
     * One card per assigned queue. A push that changed only a queue's figures repaints only those
     * figures, so hundreds of open dashboards stay cheap to update; a changed status rebuilds the card.
     */
    private void showCards(DashboardModel next) {
        List<QueueStatus> queues = next.status().queues();
        Map<Long, Boolean> selected = new HashMap<>();
        cardsById.forEach((id, card) -> selected.put(id, card.isChosen()));
        if (!queues.stream().map(QueueStatus::queueId).toList().equals(List.copyOf(cardsById.keySet()))) {
            cards.removeAll();
            cardsById.clear();
        }
        for (QueueStatus queue : queues) {
            QueueCard card = cardsById.get(queue.queueId());
            QueueMetrics metrics = next.metrics().get(queue.queueId());
            if (card != null && card.shows(queue, next.pauseReasons())) {
                card.showFigures(metrics);
                continue;
            }
            QueueCard fresh = new QueueCard(queue, metrics, next.pauseReasons(),
                    selected.getOrDefault(queue.queueId(), false), this);
            if (card == null) {
                cards.add(fresh);
            } else {
                cards.replace(card, fresh);
            }
            cardsById.put(queue.queueId(), fresh);
        }
        if (queues.isEmpty() && cards.getComponentCount() == 0) {
            cards.add(new Span(getTranslation("dashboard.queues.none")));
        }
        choiceChanged();
    }

    /** The button names what it will do: log in to the ticked queues, or nothing when the agent is in all. */
    @Override
    public void choiceChanged() {
        List<String> chosen = cardsById.values().stream().filter(QueueCard::isChosen).map(QueueCard::queueName).toList();
        boolean inAll = !cardsById.isEmpty() && cardsById.values().stream().allMatch(QueueCard::loggedIn);
        login.setText(chosen.size() == 1 ? getTranslation("dashboard.queues.login-to", chosen.getFirst())
                : chosen.size() > 1 ? getTranslation("dashboard.queues.login-to-several", chosen.size())
                : getTranslation(inAll ? "dashboard.queues.in-all" : "dashboard.queues.login"));
        login.setEnabled(!inAll);
        login.setTooltipText(chosen.isEmpty() && !inAll ? getTranslation("dashboard.queues.tick-first") : null);
    }

    private void applyFigures(Map<Long, QueueMetrics> figures) {
        changesShown();
        cardsById.forEach((id, card) -> {
            if (figures.containsKey(id)) {
                card.showFigures(figures.get(id));
            }
        });
    }

    /** The changes heard so far are in this repaint, which the push sends when the UI lock is released. */
    private void changesShown() {
        long since = unshownSince.getAndSet(0);
        if (since != 0) {
            feed.shown(since);
        }
    }

    /** A recording plays only into its connected call; when that call has ended, the sound stops too. */
    private void stopPlaybackUnlessConnected(ContactView call) {
        RecordingPlayback.Playing playing = playback.playing();
        if (playing != null && (call == null || call.id() != playing.contactId() || call.state() != ContactState.CONNECTED)) {
            playback.silence();
        }
    }

    /** The line selector: the user's extensions, the one taking queue calls chosen; fixed during a call. */
    private void showLine(AgentStatus agent) {
        if (line == null) {
            if (agent.lines().isEmpty()) {
                return;
            }
            line = lineSelect();
            statusBar.addComponentAtIndex(statusBar.indexOf(notify), line);
        }
        line.setVisible(!agent.lines().isEmpty());
        if (!agent.lines().equals(lines)) {
            lines = agent.lines();
            line.setItems(lines);
        }
        line.setValue(agent.line());
        boolean idle = agent.activity() == Activity.IDLE;
        line.setReadOnly(!idle);
        line.setTooltipText(getTranslation(idle ? "dashboard.line.tooltip" : "dashboard.line.locked"));
    }

    private Select<String> lineSelect() {
        Select<String> select = new Select<>();
        select.setId("line-select");
        select.setAriaLabel(getTranslation("dashboard.line.label"));
        select.setItemLabelGenerator(extension -> getTranslation("dashboard.line.item", extension));
        select.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                run(() -> agents.setLine(me.id(), e.getValue()));
            }
        });
        return select;
    }

    private static String pausedReason(DashboardModel model) {
        return model.status().queues().stream().filter(q -> q.state() == PresenceState.PAUSED).map(QueueStatus::pauseReason)
                .findFirst().orElse(null);
    }

    private void buildStatusMenu(DashboardModel next) {
        menuReasons = next.pauseReasons();
        statusMenu.offer(StatusMenu.statusChoices(getTranslation("agent.status.ready"), getTranslation("agent.status.logout"), this::ready,
                next.pauseReasons(), reason -> run(() -> agents.setGlobal(me.id(), GlobalAction.PAUSE, reason)),
                () -> run(() -> agents.setGlobal(me.id(), GlobalAction.LOGOUT, null))));
    }

    /**
     * "Ready" resumes the queues the agent is logged in to. Logged out of all of them, it has nothing
     * to resume: the agent is told so, with a button that logs in to every assigned queue.
     */
    private void ready() {
        AtomicReference<AgentStatus> after = new AtomicReference<>();
        run(() -> after.set(agents.setGlobal(me.id(), GlobalAction.READY, null)));
        AgentStatus status = after.get();
        if (status != null && !status.loggedInAnywhere() && !status.queues().isEmpty()) {
            offerLoginToAll(status);
        }
    }

    private void offerLoginToAll(AgentStatus status) {
        Set<Long> assigned = new HashSet<>();
        status.queues().forEach(q -> assigned.add(q.queueId()));
        Notification notice = new Notification();
        notice.setId("ready-needs-login");
        notice.setDuration(10_000);
        notice.setPosition(Notification.Position.MIDDLE);
        Button login = new Button(getTranslation("dashboard.ready-needs-login.login"), e -> {
            notice.close();
            run(() -> agents.loginToQueues(me.id(), assigned));
        });
        login.setId("login-to-my-queues");
        login.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button close = new Button(getTranslation("dashboard.ready-needs-login.not-now"), e -> notice.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div actions = new Div(login, close);
        actions.addClassName("status-bar");
        notice.add(new Div(new Span(getTranslation("dashboard.ready-needs-login.why"))), actions);
        notice.open();
        login.focus();
    }

    private void showChats(DashboardModel next) {
        shownChats = next.chats();
        chats.removeAll();
        for (ContactView chat : next.chats()) {
            Span text = new Span(new ChannelBadge(chat.channel()), new Span(" " + getTranslation("dashboard.chat.chat") + " · " + chat.queueName() + " · "
                    + (chat.customerName() == null ? chat.customerAddress() : chat.customerName())));
            Button action = chat.state() == ContactState.OFFERED
                    ? new Button(getTranslation("dashboard.chat.accept"), e -> run(() -> contacts.accept(me.id(), chat.id())))
                    : new Button(getTranslation("dashboard.chat.resolve"), e -> run(() -> contacts.end(me.id(), chat.id())));
            Div row = new Div(text, action);
            row.addClassName("contact-panel");
            if (chat.state() == ContactState.OFFERED) {
                row.addClassName("offer");
                row.add(Countdown.until(chat.offerExpiresAt()));
            }
            chats.add(row);
        }
    }

    /**
     * A new offer: said by the live region, and while the tab is in the background a browser
     * notification and a tone. The region empties when the offer is gone, so the next one is news.
     */
    private void announce(ContactView call) {
        if (call == null || call.state() != ContactState.OFFERED) {
            offerAnnouncement.setText("");
        }
        if (call != null && call.state() == ContactState.OFFERED && (announcedOffer == null || announcedOffer != call.id())) {
            announcedOffer = call.id();
            offerAnnouncement.setText(getTranslation("dashboard.offer.announced",
                    getTranslation(call.type().key()) + (call.queueName() == null ? "" : " · " + call.queueName()),
                    ((call.customerName() == null ? "" : call.customerName() + " ")
                            + (call.customerAddress() == null ? "" : call.customerAddress())).strip()));
            getElement().executeJs("window.sbAnnounceOffer && window.sbAnnounceOffer($0, $1)",
                    getTranslation(call.type().key()) + (call.queueName() == null ? "" : " · " + call.queueName()),
                    (call.customerName() == null ? "" : call.customerName() + " ") + (call.customerAddress() == null ? "" : call.customerAddress()));
        }
    }

    // --- actions ---

    private void onCall(ContactState state, java.util.function.Consumer<ContactView> action) {
        ContactView call = model == null ? null : model.call();
        if (call != null && call.state() == state) {
            action.accept(call);
        }
    }

    /** A web call is accepted only once the microphone is open: without it the offer stays as it is. */
    @Override
    public void accept(ContactView offer) {
        if (model == null || !model.carriesAudio(offer)) {
            run(() -> contacts.accept(me.id(), offer.id()));
            return;
        }
        softphone.openMicrophone(problem -> {
            if (problem.isEmpty()) {
                run(() -> contacts.accept(me.id(), offer.id()));
            } else {
                UserActions.error("dashboard.call.not-accepted", problem);
            }
        });
    }

    @Override
    public void mute(boolean muted) {
        softphone.setMuted(muted);
    }

    @Override
    public void hold(boolean held) {
        softphone.setHeld(held);
    }

    @Override
    public boolean muted() {
        return softphone.muted();
    }

    @Override
    public boolean held() {
        return softphone.held();
    }

    @Override
    public void end(ContactView call) {
        run(() -> contacts.end(me.id(), call.id()));
    }

    @Override
    public void endWrapUp() {
        run(() -> contacts.endWrapUp(me.id()));
    }

    @Override
    public void extendWrapUp(ContactView call) {
        run(() -> contacts.extendWrapUp(me.id(), call.id()));
    }

    @Override
    public void callOut(String number) {
        run(() -> {
            ContactView placed = contacts.callOut(me.id(), number);
            // A colleague on another call misses it at once: the call ends before it rang.
            if (placed.state() == ContactState.ENDED) {
                UserActions.error(placed.customerName() + " is busy: the call was not put through.");
            }
        });
    }

    @Override
    public void showRecordings(ContactView call) {
        new AudioMessagePicker(audio, call.id(), playback).open();
    }

    @Override
    public void setState(QueueStatus queue, PresenceState state, Long reasonId) {
        run(() -> agents.setQueueState(me.id(), queue.queueId(), state, reasonId));
    }

    @Override
    public void openDetails(QueueStatus queue) {
        new QueueDetailsDialog(dashboards.queueDetails(queue.queueId())).open();
    }

    private void loginToSelected() {
        Set<Long> chosen = new HashSet<>();
        cardsById.forEach((id, card) -> {
            if (card.isChosen()) {
                chosen.add(id);
            }
        });
        run(() -> agents.loginToQueues(me.id(), chosen));
    }

    /** Runs an action, then shows the result at once; a refused action explains itself and changes nothing. */
    private void run(Runnable action) {
        UserActions.run(action);
        show(load());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.view.title") + " | Switchboard";
    }

    DashboardModel model() {
        return model;
    }
}
