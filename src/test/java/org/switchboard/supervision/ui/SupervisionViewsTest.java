package org.switchboard.supervision.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.RoutingFixture.as;

import java.util.List;
import java.util.Set;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarTester;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.PushedChanges;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.agent.Activity;
import org.switchboard.agent.AgentStatusService;
import org.switchboard.agent.PresenceState;
import org.switchboard.agent.QueueAgent;
import org.switchboard.audit.AuditAction;
import org.switchboard.audit.AuditFilter;
import org.switchboard.audit.AuditLog;
import org.switchboard.dashboard.QueueFigures;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.NewContact;
import org.switchboard.contact.WaitingContact;
import org.switchboard.dashboard.HourlyChart;
import org.switchboard.queue.AssignmentRole;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;

/** The overview and the drill-down as a supervisor uses them, through their own links, buttons and menus. */
@SwitchboardTest
@ViewPackages(classes = SupervisionView.class)
class SupervisionViewsTest extends SpringBrowserlessTest {

    @Autowired
    RoutingFixture fixture;
    @Autowired
    ContactService contacts;
    @Autowired
    AgentStatusService agents;
    @Autowired
    AuditLog audit;
    @Autowired
    org.switchboard.supervision.SupervisionService supervision;
    @Autowired
    QueueService queues;

    QueueInfo mine;
    QueueInfo theirs;
    UserSummary supervisor;
    UserSummary agent;

    @BeforeEach
    void signInAsSupervisor() {
        mine = fixture.queue(QueueKind.CALL, 0, 0);
        theirs = fixture.queue(QueueKind.CALL, 0, 0);
        supervisor = fixture.user(Role.SUPERVISOR);
        fixture.supervise(mine, supervisor);
        agent = fixture.readyAgents(1, mine).getFirst();
        SignedInUser principal = new SignedInUser(supervisor.id(), supervisor.username(), supervisor.displayName(), "", true,
                supervisor.roles());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    ContactView call(String customer) {
        return SystemUser.call(() -> contacts.create(new NewContact(mine.name(), ContactType.INBOUND_CALL, Channel.VOICE,
                customer, "+1 555 0100")));
    }

    void agentInWrapUp() {
        ContactView call = call("Grace Hopper");
        as(agent, () -> contacts.accept(agent.id(), call.id()));
        as(agent, () -> contacts.end(agent.id(), call.id()));
    }

    @SuppressWarnings("unchecked")
    Grid<QueueAgent> agentGrid() {
        return $(Grid.class).id("queue-agents");
    }

    Component actionsOfTheAgent() {
        return test(agentGrid()).getCellComponent(0, 4);
    }

    @Test
    void theOverviewHasALiveCardPerSupervisedQueueOnlyAndItsNameOpensTheDrillDown() {
        call("Ada Lovelace");
        navigate(SupervisionView.class);

        List<Div> cards = $(Div.class).withClassName("queue-card").all();
        assertThat(cards).extracting(c -> c.getElement().getAttribute("data-queue")).containsExactly(mine.name());
        QueueFigures figures = $(QueueFigures.class, cards.getFirst()).single();
        assertThat(figures.valueOf("Calls waiting")).isEqualTo("1");
        assertThat(figures.valueOf("Agents logged in")).isEqualTo("1");
        assertThat(figures.valueOf("Service level")).isNotNull();

        RouterLink name = $(RouterLink.class).withText(mine.name()).single();
        test(name).click();
        assertThat(getCurrentView()).isInstanceOf(QueueDrillDownView.class);
        assertThat($(H2.class).id("queue-name").getText()).isEqualTo(mine.name());
    }

    @Test
    void aRefreshWithTheSameQueuesUpdatesTheFiguresOfTheCardsAlreadyShown() {
        SupervisionView view = navigate(SupervisionView.class);
        Div card = $(Div.class).withClassName("queue-card").single();
        QueueFigures figures = $(QueueFigures.class, card).single();
        int waiting = Integer.parseInt(figures.valueOf("Calls waiting"));

        call("Grace Hopper");
        view.show(supervision.overview());

        assertThat($(Div.class).withClassName("queue-card").single()).as("the same card").isSameAs(card);
        assertThat(figures.valueOf("Calls waiting")).isEqualTo(Integer.toString(waiting + 1));
    }

    @Test
    void queuesAnAdminGivesRenamesOrTakesComeAndGoOnTheOpenOverview() throws InterruptedException {
        navigate(SupervisionView.class);
        assertThat(cardNames()).containsExactly(mine.name());

        fixture.supervise(theirs, supervisor);
        PushedChanges.await(() -> roundTrip(), () -> cardNames().size() == 2);
        assertThat(cardNames()).as("the newly supervised queue").containsExactlyInAnyOrder(mine.name(), theirs.name());

        String renamed = theirs.name() + "-renamed";
        fixture.rename(theirs, renamed);
        PushedChanges.await(() -> roundTrip(), () -> cardNames().contains(renamed));
        assertThat(cardNames()).containsExactlyInAnyOrder(mine.name(), renamed);

        SystemUser.run(() -> queues.assign(mine.id(), AssignmentRole.SUPERVISOR, Set.of()));
        PushedChanges.await(() -> roundTrip(), () -> cardNames().size() == 1);
        assertThat(cardNames()).as("no longer supervised").containsExactly(renamed);
    }

    @Test
    void aQueueAnAdminCreatesAppearsOnAnAdminsOpenOverview() throws InterruptedException {
        UserSummary admin = fixture.user(Role.ADMIN);
        SignedInUser principal = new SignedInUser(admin.id(), admin.username(), admin.displayName(), "", true, admin.roles());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        navigate(SupervisionView.class);
        assertThat(cardNames()).contains(mine.name(), theirs.name());

        QueueInfo created = fixture.queue(QueueKind.CAMPAIGN, 0, 0);
        PushedChanges.await(() -> roundTrip(), () -> cardNames().contains(created.name()));
        assertThat(cardNames()).contains(created.name());
    }

    List<String> cardNames() {
        return $(Div.class).withClassName("queue-card").all().stream().map(c -> c.getElement().getAttribute("data-queue")).toList();
    }

    @Test
    void aSupervisorWithoutQueuesIsToldSo() {
        UserSummary lonely = fixture.user(Role.SUPERVISOR);
        SignedInUser principal = new SignedInUser(lonely.id(), lonely.username(), lonely.displayName(), "", true, lonely.roles());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        navigate(SupervisionView.class);
        assertThat($(Div.class).withClassName("queue-card").exists()).isFalse();
        assertThat($(Div.class).id("supervised-queues").getElement().getTextRecursively()).contains("do not supervise any queue");
    }

    @Test
    void theDrillDownShowsWaitingContactsAgentsServiceLevelAndTodayByHour() {
        agentInWrapUp();
        call("Ada Lovelace");
        navigate("supervision/queue/" + mine.id(), QueueDrillDownView.class);

        @SuppressWarnings("unchecked")
        Grid<WaitingContact> waiting = $(Grid.class).id("waiting-contacts");
        assertThat(test(waiting).size()).isEqualTo(1);
        assertThat(test(waiting).getCellText(0, 0)).isEqualTo("Ada Lovelace");
        assertThat(test(waiting).getCellComponent(0, 3).getElement().getAttribute("from")).isNotBlank();
        assertThat(test(agentGrid()).getRow(0).userId()).isEqualTo(agent.id());
        assertThat(test(agentGrid()).getCellComponent(0, 3).getElement().getTextRecursively()).startsWith("Wrap-up");
        // No call was answered after a wait yet today: the one answered counted at once.
        assertThat($(Span.class).id("service-level").getText()).isEqualTo("100 %");
        assertThat($(Span.class).id("average-speed-of-answer").getText()).isEqualTo("0:00");
        QueueFigures list = $(QueueFigures.class).single();
        assertThat(list.valueOf("Service level")).as("shown once, above the list").isNull();
        assertThat(list.valueOf("Average speed of answer")).isNull();
        assertThat(list.valueOf("Calls waiting")).isEqualTo("1");
        String chart = $(HourlyChart.class).id("hourly-chart").getElement().getAttribute("data");
        assertThat(chart).contains("\"key\":\"open\"").contains("\"label\":\"Still open\"");
        assertThat(chart).matches(".*\"open\",\"label\":\"Still open\",\"counts\":\\[[0-9,]*2\\].*");
    }

    @Test
    void endWrapUpInTheDrillDownFreesTheAgentAndIsAudited() {
        agentInWrapUp();
        navigate("supervision/queue/" + mine.id(), QueueDrillDownView.class);
        Button end = $(Button.class).from(actionsOfTheAgent()).withText("End wrap up").single();
        assertThat(end.isEnabled()).isTrue();

        test(end).click();

        assertThat(SystemUser.call(() -> agents.status(agent.id())).activity()).isEqualTo(Activity.IDLE);
        assertThat(test(agentGrid()).getRow(0).activity()).isEqualTo(Activity.IDLE);
        assertThat($(Button.class).from(actionsOfTheAgent()).withText("End wrap up").single().isEnabled()).isFalse();
        assertThat(SystemUser.call(() -> audit.find(new AuditFilter(supervisor.username(), AuditAction.AGENT_WRAP_UP_ENDED,
                null, null), 0, 10))).singleElement().satisfies(e -> assertThat(e.targetId()).isEqualTo(agent.id()));
    }

    @Test
    void aRepaintThatChangesNoAgentKeepsTheButtonTheSupervisorIsAboutToClick() {
        agentInWrapUp();
        QueueDrillDownView view = navigate("supervision/queue/" + mine.id(), QueueDrillDownView.class);
        Button end = $(Button.class).from(actionsOfTheAgent()).withText("End wrap up").single();
        var agentRows = agentGrid().getDataProvider();

        // Another change to the queue (a caller joins) repaints the drill-down while the click is on its way.
        call("Ada Lovelace");
        view.show(supervision.drillDown(mine.id()));
        @SuppressWarnings("unchecked")
        Grid<WaitingContact> waiting = $(Grid.class).id("waiting-contacts");
        assertThat(test(waiting).size()).as("the rows that changed are repainted").isEqualTo(1);
        // The browser sends the click to the button it shows; new rows would have detached that button and
        // dropped the click (the browserless tester renders cells anew, so the rows' identity is what shows it).
        assertThat(agentGrid().getDataProvider()).as("the agents' rows are kept").isSameAs(agentRows);
        test(end).click();

        // Free again, the agent is offered the waiting caller at once.
        assertThat(SystemUser.call(() -> agents.status(agent.id())).activity()).isNotEqualTo(Activity.WRAP_UP);
        assertThat(SystemUser.call(() -> audit.find(new AuditFilter(supervisor.username(), AuditAction.AGENT_WRAP_UP_ENDED,
                null, null), 0, 10))).hasSize(1);
    }

    String listenBarDisplay() {
        return $(Span.class).withId("listening-to").single().getParent().orElseThrow().getStyle().get("display");
    }

    @Test
    void listenAndWhisperAreOfferedOnAnAgentOnACallOnlyAndTheBarSaysWhomTheSupervisorHears() {
        navigate("supervision/queue/" + mine.id(), QueueDrillDownView.class);
        assertThat($(Button.class).from(actionsOfTheAgent()).withText("Listen").single().isEnabled()).as("idle").isFalse();

        ContactView call = call("Grace Hopper");
        as(agent, () -> contacts.accept(agent.id(), call.id()));
        QueueDrillDownView view = navigate("supervision/queue/" + mine.id(), QueueDrillDownView.class);
        assertThat($(Button.class).from(actionsOfTheAgent()).withText("Listen").single().isEnabled()).isTrue();
        assertThat($(Button.class).from(actionsOfTheAgent()).withText("Whisper").single().isEnabled()).isTrue();
        assertThat(listenBarDisplay()).as("no bar while not listening").isEqualTo("none");

        view.showListening(new org.switchboard.voice.CallListener.Listening(agent.id(), true));
        assertThat($(Span.class).withId("listening-to").single().getText())
                .isEqualTo("Whispering to " + agent.displayName() + " (the caller does not hear you)");
        assertThat(listenBarDisplay()).isNull();
        view.showListening(null);
        assertThat(listenBarDisplay()).isEqualTo("none");
    }

    @Test
    void pauseWithAReasonAndLogOutFromTheAgentsMenu() {
        navigate("supervision/queue/" + mine.id(), QueueDrillDownView.class);

        new MenuBarTester<>($(MenuBar.class).from(actionsOfTheAgent()).single()).clickItem("Set status", "Pause", "Training");
        assertThat(SystemUser.call(() -> agents.status(agent.id())).queues().getFirst().pauseReason()).isEqualTo("Training");
        assertThat(test(agentGrid()).getRow(0).state()).isEqualTo(PresenceState.PAUSED);

        new MenuBarTester<>($(MenuBar.class).from(actionsOfTheAgent()).single()).clickItem("Set status", "Logout");
        assertThat(SystemUser.call(() -> agents.status(agent.id())).overall()).isEqualTo(PresenceState.LOGGED_OUT);
    }

    @Test
    void anotherSupervisorsQueueIsNotShownAndLeadsBackToTheOverview() {
        navigate("supervision/queue/" + theirs.id(), SupervisionView.class);
        assertThat(getCurrentView()).isInstanceOf(SupervisionView.class);
        assertThat($(H2.class).withText(theirs.name()).exists()).isFalse();
    }
}
