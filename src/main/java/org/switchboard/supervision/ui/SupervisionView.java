package org.switchboard.supervision.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.common.Subscriptions;
import org.switchboard.common.CoalescedRefresh;
import org.switchboard.common.ScreenRefreshes;
import org.switchboard.dashboard.DashboardFeed;
import org.switchboard.dashboard.QueueFigures;
import org.switchboard.metrics.QueueMetrics;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;
import org.switchboard.supervision.SupervisionService;

/**
 * The supervisor's overview: a live card per supervised queue and campaign; a card's name opens
 * the queue's drill-down. Changes arrive by server push like on the agent's dashboard.
 */
@Route("supervision")
@Menu(title = "supervision.overview.title", icon = "vaadin:eye", order = 50)
@RolesAllowed({Role.SUPERVISOR_ROLE, Role.ADMIN_ROLE})
class SupervisionView extends Main implements HasDynamicTitle {

    static final long REPAINT_DELAY_MILLIS = 250;

    private final SupervisionService supervision;
    private final DashboardFeed feed;
    private final CoalescedRefresh<List<QueueMetrics>> refresh;
    private final Div cards = new Div();
    private final long me;
    /** An admin supervises every queue, a newly created one too. */
    private final boolean watchesEveryQueue;
    private volatile Set<Long> queueIds = Set.of();
    /**
     * The queues whose cards are shown, in order (null before the first show); a refresh with the same
     * ones only updates their figures.
     */
    private List<ShownQueue> shown;
    private final Map<Long, QueueFigures> figuresByQueue = new HashMap<>();

    private record ShownQueue(long id, QueueKind kind, String name) {
    }

    SupervisionView(SupervisionService supervision, DashboardFeed feed, ScreenRefreshes refreshes,
            AuthenticationContext signedIn) {
        this.supervision = supervision;
        this.feed = feed;
        this.me = signedIn.getAuthenticatedUser(SignedInUser.class).orElseThrow().id();
        this.watchesEveryQueue = signedIn.hasRole(Role.ADMIN_ROLE);
        this.refresh = refreshes.coalesced("the supervision overview", REPAINT_DELAY_MILLIS, supervision::overview, this::show);
        addClassNames("page", "supervision");
        cards.addClassName("cards");
        cards.setId("supervised-queues");
        add(cards);
        show(supervision.overview());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        // A change in a shown queue repaints it; an admin's change of assignments that concerns this
        // supervisor adds or removes a card.
        Subscriptions.untilDetached(this, feed.watch(changed -> {
            if (watchesEveryQueue ? changed.concernsQueues() : changed.concernsAny(Set.of(me), queueIds)) {
                refresh.request(ui, authentication);
            }
        }));
    }

    void show(List<QueueMetrics> queues) {
        queueIds = queues.stream().map(QueueMetrics::queueId).collect(Collectors.toUnmodifiableSet());
        List<ShownQueue> next = queues.stream().map(q -> new ShownQueue(q.queueId(), q.kind(), q.queueName())).toList();
        if (next.equals(shown)) {
            queues.forEach(queue -> figuresByQueue.get(queue.queueId()).show(queue));
            return;
        }
        shown = next;
        cards.removeAll();
        figuresByQueue.clear();
        for (QueueMetrics queue : queues) {
            cards.add(card(queue));
        }
        if (queues.isEmpty()) {
            cards.add(new Paragraph(getTranslation("supervision.overview.none")));
        }
    }

    private Div card(QueueMetrics queue) {
        RouterLink name = new RouterLink(queue.queueName(), QueueDrillDownView.class,
                new RouteParameters(QueueDrillDownView.QUEUE_ID, Long.toString(queue.queueId())));
        name.addClassName("card-title");
        name.getElement().setAttribute("title", getTranslation("supervision.overview.drill-down", queue.queueName()));
        Span kind = new Span(getTranslation(queue.kind().key()));
        kind.addClassName("kind");
        Div head = new Div(name, kind);
        head.addClassName("card-head");
        QueueFigures figures = new QueueFigures(queue.kind(), queue);
        figuresByQueue.put(queue.queueId(), figures);
        Div card = new Div(head, figures);
        card.addClassName("queue-card");
        card.getElement().setAttribute("data-queue", queue.queueName());
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("supervision.overview.title") + " | Switchboard";
    }
}
