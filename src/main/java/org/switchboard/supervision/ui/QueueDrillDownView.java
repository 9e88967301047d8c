package org.switchboard.supervision.ui;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.common.Message;
import org.switchboard.common.UserActions;
import org.switchboard.common.Subscriptions;
import org.switchboard.agent.Activity;
import org.switchboard.agent.AgentStatus;
import org.switchboard.agent.PauseReason;
import org.switchboard.agent.QueueAgent;
import org.switchboard.common.NotFoundException;
import org.switchboard.common.CoalescedRefresh;
import org.switchboard.common.ScreenRefreshes;
import org.switchboard.dashboard.DashboardFeed;
import org.switchboard.dashboard.QueueDetails;
import org.switchboard.dashboard.QueueFigures;
import org.switchboard.dashboard.QueueSnapshot;
import org.switchboard.metrics.QueueMetrics;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;
import org.switchboard.supervision.SupervisionService;
import org.switchboard.voice.CallListener;
import org.switchboard.voice.VoiceFeed;
import org.switchboard.voice.VoiceProperties;
import org.switchboard.voice.VoiceService;

/**
 * One supervised queue in detail, live: service level and speed of answer, the contacts waiting,
 * the agents with their state and the supervisor's actions on them (end wrap-up, Listen and Whisper
 * on a call, pause, log out), and today's contacts by outcome and by hour.
 */
@Route("supervision/queue/:" + QueueDrillDownView.QUEUE_ID)
@RolesAllowed({Role.SUPERVISOR_ROLE, Role.ADMIN_ROLE})
class QueueDrillDownView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String QUEUE_ID = "queueId";

    private final SupervisionService supervision;
    private final DashboardFeed feed;
    private final H2 title = new H2();
    private final Span kind = new Span();
    private final Span serviceLevel = new Span();
    private final Span speedOfAnswer = new Span();
    private final Span threshold = new Span();
    private final Div keyFigures = new Div();
    private final Div figures = new Div();
    private final QueueDetails details = new QueueDetails(this::actions);
    private CoalescedRefresh<QueueSnapshot> refresh;
    private final ScreenRefreshes refreshes;
    private volatile long queueId;
    private volatile Set<Long> agentIds = Set.of();
    private final Span listeningTo = new Span();
    private final Div listenBar;
    private final CallListener listener;
    private Map<Long, String> agentNames = Map.of();

    QueueDrillDownView(SupervisionService supervision, DashboardFeed feed, ScreenRefreshes refreshes, VoiceService voice,
            VoiceFeed voiceFeed, VoiceProperties voiceProperties) {
        this.supervision = supervision;
        this.refreshes = refreshes;
        this.feed = feed;
        long supervisorId = SignedInUser.current("Only a signed-in supervisor supervises queues.").id();
        listener = new CallListener(voice, voiceFeed, voiceProperties, supervisorId, this::showListening);
        listeningTo.setId("listening-to");
        Button stop = new Button(getTranslation("supervision.drill-down.stop-listening"), VaadinIcon.STOP.create(), e -> listener.stop());
        stop.setId("stop-listening");
        stop.addThemeVariants(ButtonVariant.LUMO_SMALL);
        listenBar = new Div(VaadinIcon.HEADPHONES.create(), listeningTo, stop, listener);
        listenBar.addClassName("status-bar");
        showListening(null);
        addClassNames("page", "drill-down");
        RouterLink back = new RouterLink(getTranslation("supervision.drill-down.back"), SupervisionView.class);
        back.setId("back-to-overview");
        title.setId("queue-name");
        kind.addClassName("kind");
        Div head = new Div(title, kind);
        head.addClassName("status-bar");
        serviceLevel.setId("service-level");
        speedOfAnswer.setId("average-speed-of-answer");
        threshold.addClassName("since");
        keyFigures.addClassName("key-figures");
        keyFigures.add(keyFigure("supervision.drill-down.service-level", serviceLevel),
                keyFigure("supervision.drill-down.speed-of-answer", speedOfAnswer), threshold);
        figures.addClassName("drill-down-figures");
        Div summary = new Div(keyFigures, figures);
        summary.addClassName("drill-down-summary");
        add(back, head, listenBar, summary, details);
    }

    private Div keyFigure(String key, Span value) {
        value.addClassName("value");
        Span name = new Span(getTranslation(key));
        name.addClassName("label");
        Div figure = new Div(name, value);
        figure.addClassName("key-figure");
        return figure;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            queueId = Long.parseLong(event.getRouteParameters().get(QUEUE_ID).orElseThrow());
            show(supervision.drillDown(queueId));
            refresh = refreshes.coalesced("the drill-down of queue " + queueId, SupervisionView.REPAINT_DELAY_MILLIS,
                    () -> supervision.drillDown(queueId), this::show);
        } catch (NumberFormatException | NotFoundException | AccessDeniedException e) {
            if (e instanceof AccessDeniedException) {
                UserActions.error(locale -> e.getMessage());
            } else {
                UserActions.error("supervision.drill-down.no-such-queue");
            }
            event.forwardTo(SupervisionView.class);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Subscriptions.untilDetached(this, feed.watch(changed -> {
            if (refresh != null && changed.concernsAny(agentIds, Set.of(queueId))) {
                refresh.request(ui, authentication);
            }
        }));
    }

    void show(QueueSnapshot snapshot) {
        agentIds = snapshot.agents().stream().map(QueueAgent::userId).collect(Collectors.toUnmodifiableSet());
        agentNames = snapshot.agents().stream().collect(Collectors.toUnmodifiableMap(QueueAgent::userId, QueueAgent::displayName));
        QueueKind queueKind = snapshot.queue().kind();
        title.setText(snapshot.queue().name());
        kind.setText(getTranslation(queueKind.key()));
        QueueMetrics m = snapshot.metrics();
        keyFigures.setVisible(queueKind != QueueKind.CAMPAIGN);
        serviceLevel.setText(QueueFigures.serviceLevel(m));
        serviceLevel.setTitle(getTranslation(QueueFigures.SERVICE_LEVEL_EXPLAINED));
        speedOfAnswer.setText(QueueFigures.duration(m.today().averageSpeedOfAnswer()));
        threshold.setText(getTranslation("supervision.drill-down.threshold", snapshot.queue().settings().serviceLevelSeconds()));
        figures.removeAll();
        figures.add(new QueueFigures(queueKind, m, QueueFigures.KEY_FIGURES));
        details.show(snapshot);
    }

    private Component actions(QueueAgent agent) {
        String name = agent.displayName();
        Button endWrapUp = new Button(getTranslation("supervision.drill-down.end-wrap-up"), VaadinIcon.CHECK.create(), e -> act(() -> {
            supervision.endWrapUp(queueId, agent.userId());
            return Message.of("supervision.drill-down.wrap-up-over", name);
        }));
        endWrapUp.addThemeVariants(ButtonVariant.LUMO_SMALL);
        endWrapUp.setAriaLabel(getTranslation("supervision.drill-down.end-wrap-up-for", name));
        endWrapUp.setEnabled(agent.activity() == Activity.WRAP_UP);

        MenuBar status = new MenuBar();
        status.addThemeVariants(MenuBarVariant.LUMO_SMALL, MenuBarVariant.LUMO_TERTIARY);
        status.getElement().setAttribute("aria-label", getTranslation("supervision.drill-down.status-of", name));
        SubMenu change = status.addItem(getTranslation("supervision.drill-down.set-status")).getSubMenu();
        SubMenu pause = change.addItem(getTranslation("supervision.drill-down.pause")).getSubMenu();
        for (PauseReason reason : supervision.pauseReasons()) {
            pause.addItem(reason.name(), e -> act(() -> doneOrPending(supervision.pause(queueId, agent.userId(), reason.id()),
                    Message.of("supervision.drill-down.paused", name, reason.name()))));
        }
        change.addItem(getTranslation("supervision.drill-down.log-out"), e -> act(() -> doneOrPending(supervision.logOut(queueId, agent.userId()),
                Message.of("supervision.drill-down.logged-out", name))));
        boolean onCall = agent.activity() == Activity.ON_CONTACT;
        Button listen = new Button(getTranslation("supervision.drill-down.listen"), VaadinIcon.HEADPHONES.create(),
                e -> listener.listen(queueId, agent.userId(), false));
        listen.addThemeVariants(ButtonVariant.LUMO_SMALL);
        listen.setAriaLabel(getTranslation("supervision.drill-down.listen-to", name));
        listen.setTooltipText(getTranslation("supervision.drill-down.listen-tooltip"));
        listen.setEnabled(onCall);
        Button whisper = new Button(getTranslation("supervision.drill-down.whisper"), VaadinIcon.MICROPHONE.create(),
                e -> listener.listen(queueId, agent.userId(), true));
        whisper.addThemeVariants(ButtonVariant.LUMO_SMALL);
        whisper.setAriaLabel(getTranslation("supervision.drill-down.whisper-to", name));
        whisper.setTooltipText(getTranslation("supervision.drill-down.whisper-tooltip"));
        whisper.setEnabled(onCall);
        Div actions = new Div(endWrapUp, listen, whisper, status);
        actions.addClassName("agent-actions");
        return actions;
    }

    /**
     * The bar over the figures says whom the supervisor listens or whispers to, with Stop; hidden
     * otherwise, by its style: an invisible component's children never reach the browser, and the
     * listener in the bar must be there before the supervisor first clicks Listen.
     */
    void showListening(CallListener.Listening listening) {
        if (listening == null) {
            listenBar.getStyle().set("display", "none");
        } else {
            listenBar.getStyle().remove("display");
            String name = agentNames.getOrDefault(listening.agentId(), getTranslation("supervision.drill-down.the-agent"));
            listeningTo.setText(getTranslation(listening.whisper() ? "supervision.drill-down.whispering-to"
                    : "supervision.drill-down.listening-to", name));
        }
    }

    private static Message doneOrPending(AgentStatus status, Message done) {
        return status.pending() == null ? done : Message.of("supervision.drill-down.after-contact");
    }

    /** Runs an action and says what it did; a refused action explains itself and changes nothing. */
    private void act(Supplier<Message> action) {
        UserActions.run(() -> UserActions.success(action.get()));
        show(supervision.drillDown(queueId));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("supervision.drill-down.title") + " | Switchboard";
    }
}
