package org.switchboard.admin.ui;

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
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.common.NarrowScreens;
import org.switchboard.queue.AssignmentRole;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;
import org.switchboard.queue.QueueSettings;
import org.switchboard.security.Role;
import org.switchboard.security.UserService;

/** Admins create queues and campaigns, change their settings and assign agents and supervisors. */
@Route("admin/queues")
@PageTitle("Queues | Switchboard")
@Menu(title = "Queues", icon = "vaadin:list-ol", order = 510)
@RolesAllowed(Role.ADMIN_ROLE)
class QueuesView extends Main {

    private final QueueService queues;
    private final UserService users;
    private final Grid<QueueInfo> grid = new Grid<>();

    QueuesView(QueueService queues, UserService users) {
        this.queues = queues;
        this.users = users;
        addClassName("page");
        Button add = new Button("New queue", VaadinIcon.PLUS.create(), e -> open(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("new-queue");

        grid.addColumn(QueueInfo::name).setHeader("Name").setSortable(true).setFlexGrow(1);
        grid.addColumn(q -> q.kind().label()).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        var settings = grid.addColumn(this::summary).setHeader("Settings").setFlexGrow(3).setTooltipGenerator(this::summary);
        var agents = grid.addColumn(q -> queues.usersOf(q.id(), AssignmentRole.AGENT).size()).setHeader("Agents")
                .setAutoWidth(true).setFlexGrow(0);
        var supervisors = grid.addColumn(q -> queues.usersOf(q.id(), AssignmentRole.SUPERVISOR).size()).setHeader("Supervisors")
                .setAutoWidth(true).setFlexGrow(0);
        NarrowScreens.actions(grid.addComponentColumn(q -> {
            Button edit = new Button("Edit", e -> open(q));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            edit.setId("edit-queue-" + q.id());
            return edit;
        }));
        NarrowScreens.hideWhenNarrow(grid, settings, agents, supervisors);
        grid.setEmptyStateText("No queues yet");
        add(new HorizontalLayout(add), grid);
        refresh();
    }

    private void open(QueueInfo queue) {
        new QueueDialog(queues, users.findAll(), queue, this::refresh).open();
    }

    private String summary(QueueInfo q) {
        QueueSettings s = q.settings();
        StringBuilder text = new StringBuilder()
                .append("Offer ").append(s.offerTimeoutSeconds()).append(" s · wrap-up ")
                .append(s.wrapUpSeconds() == 0 ? "until ended" : s.wrapUpSeconds() + " s")
                .append(" (+").append(s.wrapUpExtensionSeconds()).append(" s) · max wait ")
                .append(duration(s.maxWaitSeconds())).append(" · SL ").append(s.serviceLevelSeconds()).append(" s");
        if (q.kind() == QueueKind.CHAT) {
            text.append(" · ").append(s.chatCapacity()).append(" chats/agent");
        }
        text.append(" · priority ").append(s.priority()).append(" · pause after ").append(s.missedOffersBeforePause())
                .append(" missed");
        if (q.kind() == QueueKind.CAMPAIGN) {
            Map<Long, QueueInfo> sources = queues.findAllById(s.sourceQueueIds());
            text.append(" · from ").append(sources.isEmpty() ? "no queue"
                    : sources.values().stream().map(QueueInfo::name).sorted().collect(Collectors.joining(", ")));
        }
        return text.toString();
    }

    private static String duration(int seconds) {
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }

    private void refresh() {
        List<QueueInfo> all = queues.findAll();
        grid.setItems(all);
    }
}
