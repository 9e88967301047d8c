package org.switchboard.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.MutableClock;
import org.switchboard.PushedChanges;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.agent.AgentStatusService;
import org.switchboard.agent.GlobalAction;
import org.switchboard.agent.PauseReasonService;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.NewContact;
import org.switchboard.dispatch.Sweeper;
import org.switchboard.dashboard.QueueFigures;
import org.switchboard.queue.AssignmentRole;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueService;
import org.switchboard.queue.QueueSettings;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.SignedInUser;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserForm;
import org.switchboard.security.UserService;
import org.switchboard.security.UserSummary;

/** Every state of the agent's dashboard, driven through the services and the view's own buttons. */
@SwitchboardTest
@ViewPackages(classes = DashboardView.class)
class DashboardViewTest extends SpringBrowserlessTest {

    @Autowired
    RoutingFixture fixture;
    @Autowired
    ContactService contacts;
    @Autowired
    AgentStatusService agents;
    @Autowired
    PauseReasonService reasons;
    @Autowired
    Sweeper sweeper;
    @Autowired
    MutableClock clock;
    @Autowired
    UserService users;
    @Autowired
    org.switchboard.dashboard.DashboardService dashboards;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    QueueService queues;

    QueueInfo queue;
    UserSummary agent;

    @BeforeEach
    void signIn() {
        queue = fixture.queue(QueueKind.CALL, 0, 30);
        agent = fixture.readyAgents(1, queue).getFirst();
        SignedInUser principal = new SignedInUser(agent.id(), agent.username(), agent.displayName(), "", true, agent.roles());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    DashboardView open() {
        return navigate(DashboardView.class);
    }

    ContactView call() {
        return SystemUser.call(() -> contacts.create(new NewContact(queue.name(), ContactType.INBOUND_CALL, Channel.VOICE,
                "Grace Hopper", "+15550100")));
    }

    String panelText() {
        return $(Span.class).withClassName("headline").single().getText();
    }

    Button button(String id) {
        return $(Button.class).withId(id).single();
    }

    @Test
    void aWebchatOfferedOnTheDashboardShowsTheChannelsBubbleNotItsRawName() {
        QueueInfo chats = fixture.queue(QueueKind.CHAT, 0, 0);
        SystemUser.run(() -> queues.assign(chats.id(), org.switchboard.queue.AssignmentRole.AGENT, java.util.Set.of(agent.id())));
        SystemUser.run(() -> agents.loginToQueues(agent.id(), java.util.Set.of(queue.id(), chats.id())));
        SystemUser.call(() -> contacts.create(new NewContact(chats.name(), ContactType.CHAT, Channel.WEBCHAT, "Ada", "web-1")));
        open();

        org.switchboard.chat.ChannelBadge badge = $(org.switchboard.chat.ChannelBadge.class).single();
        assertThat(badge.getElement().getTextRecursively()).isEqualTo("Webchat");
        assertThat(badge.getParent().orElseThrow().getElement().getTextRecursively())
                .isEqualTo("Webchat chat · " + chats.name() + " · Ada").doesNotContain("WEBCHAT");
    }

    @Test
    void idleAgentSeesItsQueueCardAndCanDial() {
        open();
        assertThat(panelText()).isEqualTo("No call right now");
        assertThat($(QueueCard.class).all()).hasSize(1);
        assertThat($(Span.class).withId("agent-status").single().getElement().getTextRecursively()).contains("Ready");
        assertThat(button("dial").isEnabled()).isTrue();
    }

    @Test
    void aCardsNameOpensItsDetailsWithWhoWaitsTheAgentsAndTodayByHour() {
        call();
        call();
        open();
        test($(Span.class).withClassName("card-title").single()).click();

        QueueDetailsDialog dialog = $(QueueDetailsDialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo(queue.name());
        assertThat(test($(com.vaadin.flow.component.grid.Grid.class).id("waiting-contacts")).size()).isEqualTo(1);
        assertThat(test($(com.vaadin.flow.component.grid.Grid.class).id("queue-agents")).size()).isEqualTo(1);
        assertThat($(org.switchboard.dashboard.HourlyChart.class).id("hourly-chart").getElement().getAttribute("aria-label"))
                .endsWith(" 2");
    }

    @Test
    void anOfferShowsWhatItIsAndAcceptConnectsThenEndStartsWrapUpAndEndWrapUpFrees() {
        call();
        DashboardView view = open();
        assertThat(panelText()).isEqualTo("Incoming Call · " + queue.name());
        assertThat(button("accept").getTooltip().getText()).isEqualTo("Accept (Alt+A)");

        test(button("accept")).click();
        assertThat(panelText()).startsWith("On call");
        assertThat(view.model().call().connectedAt()).isNotNull();

        test(button("end-call")).click();
        assertThat(panelText()).isEqualTo("Wrap-up · Grace Hopper");
        assertThat(button("end-wrap-up").getTooltip().getText()).contains("Alt+W");

        test(button("end-wrap-up")).click();
        assertThat(panelText()).isEqualTo("No call right now");
    }

    @Test
    void aCallbackShowsItsRingingPhase() {
        SystemUser.run(() -> contacts.create(new NewContact(queue.name(), ContactType.CALLBACK_REQUEST, Channel.VOICE, "Ada", "+15550101")));
        open();
        assertThat(panelText()).startsWith("Requested Callback");
        test(button("accept")).click();
        assertThat(panelText()).isEqualTo("Ringing Ada…");
        clock.advance(Duration.ofSeconds(6));
        sweeper.sweep();
        open();
        assertThat(panelText()).startsWith("On call");
    }

    @Test
    void pausedAndLoggedOutAgentsSeeTheirStatus() {
        long lunch = reasons.findByName("Lunch").orElseThrow().id();
        agents.setGlobal(agent.id(), GlobalAction.PAUSE, lunch);
        open();
        assertThat($(Span.class).withId("agent-status").single().getElement().getTextRecursively()).contains("Paused: Lunch");
        call();
        open();
        assertThat(panelText()).as("a paused agent is offered nothing").isEqualTo("No call right now");

        agents.setGlobal(agent.id(), GlobalAction.LOGOUT, null);
        open();
        assertThat($(Span.class).withId("agent-status").single().getElement().getTextRecursively()).contains("Logged out");
        assertThat($(QueueCard.class).single().getElement().getTextRecursively()).contains("Logged out");
    }

    @Test
    void aPauseDuringACallIsShownAsPending() {
        call();
        open();
        test(button("accept")).click();
        long lunch = reasons.findByName("Lunch").orElseThrow().id();
        agents.setGlobal(agent.id(), GlobalAction.PAUSE, lunch);
        open();
        assertThat($(com.vaadin.flow.component.html.Div.class).withId("pending-change").single().getText())
                .isEqualTo("After this call: pause (Lunch)");
    }

    @Test
    void theLoggedOutAgentLogsInToTheSelectedQueues() {
        agents.setGlobal(agent.id(), GlobalAction.LOGOUT, null);
        open();
        QueueCard card = $(QueueCard.class).single();
        test($(com.vaadin.flow.component.checkbox.Checkbox.class, card).single()).click();
        test(button("login-to-queues")).click();
        assertThat(SystemUser.call(() -> agents.status(agent.id())).readyAnywhere()).isTrue();
        assertThat($(QueueCard.class).single().getElement().getTextRecursively()).contains("Ready");
    }

    @Test
    void theStatusMenuOffersReadyEachPauseReasonAndLogoutAndEachChoiceChangesTheAgent() {
        open();
        StatusMenuTester menu = new StatusMenuTester($(StatusMenu.class).withId("agent-status-menu").single());
        assertThat(menu.getComponent().labels()).startsWith("Ready").contains("Lunch").endsWith("Logout");

        menu.choose("Lunch");
        assertThat($(Span.class).withId("agent-status").single().getElement().getTextRecursively()).contains("Paused: Lunch");
        assertThat(SystemUser.call(() -> agents.status(agent.id())).readyAnywhere()).isFalse();

        menu.choose("Ready");
        assertThat(SystemUser.call(() -> agents.status(agent.id())).readyAnywhere()).isTrue();

        menu.choose("Logout");
        assertThat($(Span.class).withId("agent-status").single().getElement().getTextRecursively()).contains("Logged out");
    }

    @Test
    void aCardsMyStatusMenuChangesTheAgentInThatQueueOnly() {
        open();
        StatusMenuTester myStatus = new StatusMenuTester($(StatusMenu.class, $(QueueCard.class).single()).single());
        assertThat(myStatus.getComponent().labels()).startsWith("Ready Now").contains("Lunch").endsWith("Logout");

        myStatus.choose("Lunch");
        assertThat($(QueueCard.class).single().getElement().getTextRecursively()).contains("Paused: Lunch");

        // a fresh card after the repaint
        new StatusMenuTester($(StatusMenu.class, $(QueueCard.class).single()).single()).choose("Ready Now");
        assertThat($(QueueCard.class).single().getElement().getTextRecursively()).contains("Ready");
        assertThat(SystemUser.call(() -> agents.status(agent.id())).readyAnywhere()).isTrue();
    }

    @Test
    void aMenuSelectionThatNamesNoChoiceChangesNothing() {
        open();
        StatusMenuTester menu = new StatusMenuTester($(StatusMenu.class).withId("agent-status-menu").single());
        menu.send(null);   // the menu's own button
        menu.send(99);
        menu.send(-1);
        assertThat(SystemUser.call(() -> agents.status(agent.id())).readyAnywhere()).isTrue();
        assertThat($(Span.class).withId("agent-status").single().getElement().getTextRecursively()).contains("Ready");
    }

    void giveLines(String... lines) {
        SystemUser.run(() -> {
            UserSummary current = users.findByUsername(agent.username()).orElseThrow();
            users.update(current.id(), current.version(), new UserForm(null, current.displayName(), null, current.roles(),
                    java.util.List.of(lines)));
        });
    }

    @SuppressWarnings("unchecked")
    Select<String> lineSelect() {
        return $(Select.class).id("line-select");
    }

    @Test
    void theLineSelectorListsTheAgentsLinesAndThePickedOneRingsTheNextOffer() {
        giveLines("1001", "1002");
        open();
        assertThat(test(lineSelect()).getSuggestions()).containsExactly("Line 1001", "Line 1002");
        assertThat(lineSelect().getValue()).as("the first line takes calls until the agent picks").isEqualTo("1001");

        test(lineSelect()).selectItem("Line 1002");
        assertThat(SystemUser.call(() -> agents.status(agent.id())).line()).isEqualTo("1002");

        call();
        open();
        assertThat($(Span.class).withId("offer-line").single().getText()).isEqualTo("on line 1002");
        assertThat(lineSelect().getValue()).isEqualTo("1002");
        assertThat(lineSelect().isReadOnly()).as("the line stays while a call rings it").isTrue();
    }

    @Test
    void aLineAnAdminRemovedMeanwhileIsRefusedAndTheSelectorShowsTheLineThatRings() {
        giveLines("1001", "1002");
        open();
        // The admin's edit as seen from another node: its push has not reached this screen yet (a push
        // from this node could remove the line from the selector first, and the test would race it).
        tx.executeWithoutResult(status -> jdbc.sql("DELETE FROM user_line WHERE app_user = ? AND extension = '1002'")
                .param(agent.id()).update());
        test(lineSelect()).selectItem("Line 1002");
        assertThat(SystemUser.call(() -> agents.status(agent.id())).line()).isEqualTo("1001");
        assertThat(lineSelect().getValue()).isEqualTo("1001");
        assertThat(test(lineSelect()).getSuggestions()).containsExactly("Line 1001");
    }

    @Test
    void linesAnAdminGivesOrTakesReachTheOpenDashboardWithoutReload() throws InterruptedException {
        open();
        assertThat($(Select.class).withId("line-select").all()).isEmpty();

        giveLines("1001", "1002");
        awaitPush(() -> !$(Select.class).withId("line-select").all().isEmpty());
        assertThat(test(lineSelect()).getSuggestions()).containsExactly("Line 1001", "Line 1002");
        assertThat(lineSelect().getValue()).isEqualTo("1001");

        giveLines();
        awaitPush(() -> $(Select.class).withId("line-select").all().isEmpty());
        assertThat($(Select.class).withId("line-select").all()).as("no lines left: no selector").isEmpty();
    }

    @Test
    void queuesAnAdminAssignsRenamesOrUnassignsReachTheOpenDashboardWithoutReload() throws InterruptedException {
        QueueInfo other = fixture.queue(QueueKind.CHAT, 0, 0);
        open();
        assertThat(cardNames()).containsExactly(queue.name());

        SystemUser.run(() -> queues.assign(other.id(), AssignmentRole.AGENT, Set.of(agent.id())));
        awaitPush(() -> cardNames().size() == 2);
        assertThat(cardNames()).as("the newly assigned queue's card").containsExactlyInAnyOrder(queue.name(), other.name());

        String renamed = other.name() + "-renamed";
        fixture.rename(other, renamed);
        awaitPush(() -> cardNames().contains(renamed));
        assertThat(cardNames()).containsExactlyInAnyOrder(queue.name(), renamed);

        SystemUser.run(() -> queues.assign(queue.id(), AssignmentRole.AGENT, Set.of()));
        awaitPush(() -> cardNames().size() == 1);
        assertThat(cardNames()).as("the card of the queue the agent left").containsExactly(renamed);
    }

    @Test
    void aServiceLevelThresholdAnAdminChangesIsReflectedInTheOpenCard() throws InterruptedException {
        ContactView offered = call();
        clock.advance(Duration.ofSeconds(10));
        contacts.accept(agent.id(), offered.id());
        open();
        assertThat(serviceLevelPercent()).as("answered in 10 s, threshold 20 s").isEqualTo("100");

        QueueSettings s = queue.settings();
        SystemUser.run(() -> queues.update(queue.id(), queue.version(), new QueueSettings(s.name(), s.kind(),
                s.offerTimeoutSeconds(), s.wrapUpSeconds(), s.wrapUpExtensionSeconds(), s.maxWaitSeconds(), 5,
                s.chatCapacity(), s.priority(), s.missedOffersBeforePause(), s.sourceQueueIds())));
        awaitPush(() -> "0".equals(serviceLevelPercent()));
        assertThat(serviceLevelPercent()).as("threshold now 5 s").isEqualTo("0");
    }

    /** The card's service level without its locale's percent formatting. */
    String serviceLevelPercent() {
        return $(QueueFigures.class).single().valueOf("Service level").replaceAll("\\D", "");
    }

    @Test
    void aCallDialedToTheAgentsLineRingsTheOpenDashboardAndIsAnsweredAndEndedThere() throws InterruptedException {
        String line = RoutingFixture.uniqueLine();
        fixture.giveLines(agent, "1" + line.substring(1), line);
        open();
        assertThat(panelText()).isEqualTo("No call right now");

        ContactView direct = SystemUser.call(() -> contacts.callLine(line, "+1 555 0142", "Linus"));
        awaitPush(() -> !$(Button.class).withId("accept").all().isEmpty());
        assertThat(panelText()).as("a non-queue call names no queue").isEqualTo("Direct call");
        assertThat($(Span.class).withId("offer-line").all()).as("it rings the dialed line, not the one chosen for queue calls")
                .isEmpty();

        test(button("accept")).click();
        assertThat(panelText()).startsWith("On call · Direct call");
        test(button("end-call")).click();
        assertThat(panelText()).as("no wrap-up after a non-queue call").isEqualTo("No call right now");
        assertThat(contacts.get(direct.id()).outcome()).isEqualTo(org.switchboard.contact.Outcome.HANDLED);
    }

    void dial(String number) {
        test($(com.vaadin.flow.component.textfield.TextField.class).id("dial-number")).setValue(number);
        test(button("dial")).click();
    }

    @Test
    void dialingAColleaguesLineShowsItRingingThenTheCallWithItsAudioControls() throws InterruptedException {
        UserSummary colleague = fixture.readyAgents(1, queue).getFirst();
        String line = RoutingFixture.uniqueLine();
        fixture.giveLines(colleague, line);
        open();

        dial(line);

        assertThat(panelText()).isEqualTo("Ringing " + colleague.displayName() + "…");
        assertThat($(Span.class).withId("call-route").all()).as("a colleague's line is no phone system call").isEmpty();
        ContactView offer = RoutingFixture.as(colleague, () -> contacts.currentContactsOf(colleague.id())).getFirst();
        RoutingFixture.as(colleague, () -> contacts.accept(colleague.id(), offer.id()));
        awaitPush(() -> panelText().startsWith("On call"));
        assertThat(panelText()).isEqualTo("On call · Outgoing call");
        assertThat($(Button.class).withId("mute").all()).as("its audio runs through the softphone").hasSize(1);

        RoutingFixture.as(colleague, () -> contacts.end(colleague.id(), offer.id()));
        awaitPush(() -> panelText().equals("No call right now"));
    }

    @Test
    void aNumberThatIsNoExtensionIsPlacedByThePhoneSystemAndThePanelSaysSo() {
        open();

        dial("+1 555 0103");

        assertThat($(Span.class).withId("call-route").single().getText()).isEqualTo("No extension: the phone system places this call.");
        assertThat($(Button.class).withId("mute").all()).as("no audio here").isEmpty();
        test(button("end-call")).click();
    }

    List<String> cardNames() {
        return $(QueueCard.class).all().stream().map(card -> card.getElement().getAttribute("data-queue")).toList();
    }

    /** Waits for the dashboard's refresh thread to load and its push to be applied. */
    void awaitPush(java.util.function.BooleanSupplier shown) throws InterruptedException {
        PushedChanges.await(() -> roundTrip(), shown);
    }

    @Test
    void anAgentWithoutLinesSeesNoSelectorAndOffersNameNoLine() {
        call();
        open();
        assertThat($(Select.class).withId("line-select").all()).as("no visible selector").isEmpty();
        assertThat($(Span.class).withId("offer-line").all()).isEmpty();
    }

    @Test
    void aPushThatChangesOnlyTheFiguresRepaintsThemAndKeepsTheCardAndItsSelection() {
        agents.setGlobal(agent.id(), GlobalAction.PAUSE, reasons.findByName("Lunch").orElseThrow().id());
        DashboardView view = open();
        QueueCard card = $(QueueCard.class).single();
        test($(com.vaadin.flow.component.checkbox.Checkbox.class, card).single()).click();

        call();
        view.apply(dashboards.load(agent.id()));

        assertThat($(QueueCard.class).single()).isSameAs(card);
        assertThat(card.isSelected()).isTrue();
        assertThat($(org.switchboard.dashboard.QueueFigures.class, card).single().valueOf("Calls waiting")).isEqualTo("1");
    }
}
