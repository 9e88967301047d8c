package org.switchboard.supervision.ui;

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
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
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
import org.switchboard.supervision.SupervisionService;

/**
 * One supervised queue in detail, live: service level and speed of answer, the contacts waiting,
 * the agents with their state and the supervisor's actions on them (end wrap-up, pause, log out),
 * and today's contacts by outcome and by hour.
 */
@Route("supervision/queue/:" + QueueDrillDownView.QUEUE_ID)
@PageTitle("Queue drill-down | Switchboard")
@RolesAllowed({Role.SUPERVISOR_ROLE, Role.ADMIN_ROLE})
class QueueDrillDownView extends Main implements BeforeEnterObserver {

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

    QueueDrillDownView(SupervisionService supervision, DashboardFeed feed, ScreenRefreshes refreshes) {
        this.supervision = supervision;
        this.refreshes = refreshes;
        this.feed = feed;
        addClassNames("page", "drill-down");
        RouterLink back = new RouterLink("All supervised queues", SupervisionView.class);
        back.setId("back-to-overview");
        title.setId("queue-name");
        kind.addClassName("kind");
        Div head = new Div(title, kind);
        head.addClassName("status-bar");
        serviceLevel.setId("service-level");
        speedOfAnswer.setId("average-speed-of-answer");
        threshold.addClassName("since");
        keyFigures.addClassName("key-figures");
        keyFigures.add(keyFigure("Service level today", serviceLevel), keyFigure("Average speed of answer", speedOfAnswer), threshold);
        figures.addClassName("drill-down-figures");
        Div summary = new Div(keyFigures, figures);
        summary.addClassName("drill-down-summary");
        add(back, head, summary, details);
    }

    private static Div keyFigure(String label, Span value) {
        value.addClassName("value");
        Span name = new Span(label);
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
            UserActions.error(e instanceof AccessDeniedException ? e.getMessage() : "There is no such queue.");
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
        QueueKind queueKind = snapshot.queue().kind();
        title.setText(snapshot.queue().name());
        kind.setText(queueKind.label());
        QueueMetrics m = snapshot.metrics();
        keyFigures.setVisible(queueKind != QueueKind.CAMPAIGN);
        serviceLevel.setText(QueueFigures.serviceLevel(m));
        serviceLevel.setTitle(getTranslation(QueueFigures.SERVICE_LEVEL_EXPLAINED));
        speedOfAnswer.setText(QueueFigures.duration(m.averageSpeedOfAnswer()));
        threshold.setText("Threshold: answered within " + snapshot.queue().settings().serviceLevelSeconds() + " s");
        figures.removeAll();
        figures.add(new QueueFigures(queueKind, m, QueueFigures.KEY_FIGURES));
        details.show(snapshot);
    }

    private Component actions(QueueAgent agent) {
        String name = agent.displayName();
        Button endWrapUp = new Button("End wrap up", VaadinIcon.CHECK.create(), e -> act(() -> {
            supervision.endWrapUp(queueId, agent.userId());
            return name + "'s wrap-up is over.";
        }));
        endWrapUp.addThemeVariants(ButtonVariant.LUMO_SMALL);
        endWrapUp.setAriaLabel("End wrap up for " + name);
        endWrapUp.setEnabled(agent.activity() == Activity.WRAP_UP);

        MenuBar status = new MenuBar();
        status.addThemeVariants(MenuBarVariant.LUMO_SMALL, MenuBarVariant.LUMO_TERTIARY);
        status.getElement().setAttribute("aria-label", "Status of " + name);
        SubMenu change = status.addItem("Set status").getSubMenu();
        SubMenu pause = change.addItem("Pause").getSubMenu();
        for (PauseReason reason : supervision.pauseReasons()) {
            pause.addItem(reason.name(), e -> act(() -> doneOrPending(supervision.pause(queueId, agent.userId(), reason.id()),
                    name + " is paused (" + reason.name() + ").")));
        }
        change.addItem("Log out", e -> act(() -> doneOrPending(supervision.logOut(queueId, agent.userId()),
                name + " is logged out.")));
        Div actions = new Div(endWrapUp, status);
        actions.addClassName("agent-actions");
        return actions;
    }

    private static String doneOrPending(AgentStatus status, String done) {
        return status.pending() == null ? done : "Done once the agent's current contact and its wrap-up are over.";
    }

    /** Runs an action and says what it did; a refused action explains itself and changes nothing. */
    private void act(Supplier<String> action) {
        UserActions.run(() -> UserActions.success(action.get()));
        show(supervision.drillDown(queueId));
    }
}
