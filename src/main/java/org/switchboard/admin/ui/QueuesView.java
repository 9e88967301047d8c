package org.switchboard.admin.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.queue.AssignmentRole;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;
import org.switchboard.queue.QueueSettings;
import org.switchboard.security.Role;
import org.switchboard.security.UserService;

/** Admins create queues and campaigns, change their settings and assign agents and supervisors. */
@Route("admin/queues")
@Menu(title = "admin.queues.title", icon = "vaadin:list-ol", order = 510)
@RolesAllowed(Role.ADMIN_ROLE)
class QueuesView extends Main implements HasDynamicTitle {

    private final QueueService queues;
    private final UserService users;
    private final Grid<QueueInfo> grid = new Grid<>();

    QueuesView(QueueService queues, UserService users) {
        this.queues = queues;
        this.users = users;
        addClassName("page");
        Button add = new Button(getTranslation("admin.queue.new"), VaadinIcon.PLUS.create(), e -> open(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("new-queue");

        grid.addColumn(QueueInfo::name).setHeader(getTranslation("admin.queues.name")).setSortable(true).setFlexGrow(1);
        grid.addColumn(q -> getTranslation(q.kind().key())).setHeader(getTranslation("admin.queue.kind")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::summary).setHeader(getTranslation("admin.queue.settings")).setFlexGrow(3).setTooltipGenerator(this::summary);
        grid.addColumn(q -> queues.usersOf(q.id(), AssignmentRole.AGENT).size()).setHeader(getTranslation("admin.queue.agents"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(q -> queues.usersOf(q.id(), AssignmentRole.SUPERVISOR).size()).setHeader(getTranslation("admin.queue.supervisors"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(q -> {
            Button edit = new Button(getTranslation("common.action.edit"), e -> open(q));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            edit.setId("edit-queue-" + q.id());
            return edit;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("admin.queues.none"));
        add(new HorizontalLayout(add), grid);
        refresh();
    }

    private void open(QueueInfo queue) {
        new QueueDialog(queues, users.findAll(), queue, this::refresh).open();
    }

    private String summary(QueueInfo q) {
        QueueSettings s = q.settings();
        List<String> parts = new ArrayList<>();
        parts.add(getTranslation("admin.queues.summary-offer", s.offerTimeoutSeconds()));
        parts.add(s.wrapUpSeconds() == 0 ? getTranslation("admin.queues.summary-wrap-up-until-ended", s.wrapUpExtensionSeconds())
                : getTranslation("admin.queues.summary-wrap-up", s.wrapUpSeconds(), s.wrapUpExtensionSeconds()));
        parts.add(getTranslation(s.maxWaitSeconds() % 60 == 0 ? "admin.queues.summary-max-wait-minutes" : "admin.queues.summary-max-wait",
                s.maxWaitSeconds() % 60 == 0 ? s.maxWaitSeconds() / 60 : s.maxWaitSeconds()));
        parts.add(getTranslation("admin.queues.summary-service-level", s.serviceLevelSeconds()));
        if (q.kind() == QueueKind.CHAT) {
            parts.add(getTranslation("admin.queues.summary-chat-capacity", s.chatCapacity()));
        }
        parts.add(getTranslation("admin.queues.summary-priority", s.priority()));
        parts.add(getTranslation("admin.queues.summary-missed-offers", s.missedOffersBeforePause()));
        if (q.kind() == QueueKind.CAMPAIGN) {
            Map<Long, QueueInfo> sources = queues.findAllById(s.sourceQueueIds());
            parts.add(sources.isEmpty() ? getTranslation("admin.queues.summary-no-source") : getTranslation("admin.queues.summary-sources",
                    sources.values().stream().map(QueueInfo::name).sorted().collect(Collectors.joining(", "))));
        }
        return String.join(" · ", parts);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.queues.title") + " | Switchboard";
    }

    private void refresh() {
        List<QueueInfo> all = queues.findAll();
        grid.setItems(all);
    }
}
