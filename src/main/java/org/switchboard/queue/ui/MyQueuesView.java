package org.switchboard.queue.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.queue.AssignmentRole;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueService;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;

/** The queues and campaigns the user is assigned to, with the settings that shape its work. */
@Route("my-queues")
@PageTitle("My queues | Switchboard")
@Menu(title = "My queues", icon = "vaadin:list", order = 50)
@RolesAllowed(Role.SUPERVISOR_ROLE)
class MyQueuesView extends Main {

    record Row(QueueInfo queue, String assignment) {
    }

    MyQueuesView(QueueService queues, AuthenticationContext authenticationContext) {
        addClassName("page");
        SignedInUser user = authenticationContext.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        List<Row> rows = new ArrayList<>();
        queues.queuesOf(user.id(), AssignmentRole.AGENT).forEach(q -> rows.add(new Row(q, "Agent")));
        queues.queuesOf(user.id(), AssignmentRole.SUPERVISOR).forEach(q -> rows.add(new Row(q, "Supervisor")));

        Grid<Row> grid = new Grid<>();
        grid.addColumn(r -> r.queue().name()).setHeader("Queue or campaign").setFlexGrow(2);
        grid.addColumn(r -> r.queue().kind().label()).setHeader("Kind");
        grid.addColumn(Row::assignment).setHeader("Assigned as");
        grid.addColumn(r -> r.queue().settings().offerTimeoutSeconds() + " s").setHeader("Offer rings");
        grid.addColumn(r -> r.queue().settings().wrapUpSeconds() == 0 ? "Until ended"
                : r.queue().settings().wrapUpSeconds() + " s").setHeader("Wrap-up");
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        if (rows.isEmpty()) {
            add(new Paragraph("You are not assigned to any queue yet. An administrator assigns queues."));
        }
        add(grid);
    }
}
