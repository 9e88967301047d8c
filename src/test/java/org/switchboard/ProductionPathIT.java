package org.switchboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.RoutingFixture.as;
import static org.switchboard.RoutingFixture.unique;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.agent.Activity;
import org.switchboard.agent.AgentStatus;
import org.switchboard.agent.AgentStatusService;
import org.switchboard.agent.GlobalAction;
import org.switchboard.agent.PresenceState;
import org.switchboard.chat.ChatProperties;
import org.switchboard.chat.ChatService;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.NewContact;
import org.switchboard.contact.WrapUpEndedBy;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueSettings;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;

/**
 * What only the running app does by itself: the dispatcher thread offers, the sweep times offers out,
 * re-offers and ends wrap-ups, and the outbox's sweep hands replies to their sender, all on the system
 * clock. Queues with short timeouts keep each test to seconds; every wait polls a condition with a deadline.
 */
@SwitchboardProductionTest
@ExtendWith(OutputCaptureExtension.class)
class ProductionPathIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    ContactService contacts;
    @Autowired
    AgentStatusService agents;
    @Autowired
    ChatService chats;
    @Autowired
    ChatProperties chatProperties;
    @Autowired
    JdbcClient jdbc;

    /** A call queue whose offers ring 5 s (the least allowed) and whose wrap-up lasts 1 s. */
    QueueInfo callQueue(int missedOffersBeforePause) {
        return fixture.queue(new QueueSettings(unique("path"), QueueKind.CALL, 5, 1, 30, 600, 20, 1, 0,
                missedOffersBeforePause, Set.of()));
    }

    ContactView call(QueueInfo queue) {
        return SystemUser.call(() -> contacts.create(new NewContact(queue.name(), ContactType.INBOUND_CALL, Channel.VOICE,
                "Grace Hopper", "+1 555 0100")));
    }

    ContactView reload(ContactView contact) {
        return SystemUser.call(() -> contacts.get(contact.id()));
    }

    List<String> events(ContactView contact) {
        return jdbc.sql("SELECT type FROM contact_event WHERE contact_id = ? ORDER BY id").param(contact.id()).query(String.class).list();
    }

    /** Polls until {@code done} holds, at most {@link #DEADLINE}; returns the value that made it hold. */
    static <T> T await(String what, Supplier<T> read, Predicate<T> done) {
        return Awaitility.await(what).atMost(DEADLINE).pollInterval(Duration.ofMillis(100)).until(read::get, done);
    }


    @Test
    void aCallIsOfferedByTheDispatcherThreadTimedOutByTheSweepAndOfferedAgain() {
        QueueInfo queue = callQueue(3);
        UserSummary agent = fixture.readyAgents(1, queue).getFirst();
        ContactView created = call(queue);

        ContactView offered = await("the offer", () -> reload(created), c -> c.state() == ContactState.OFFERED);
        assertThat(offered.agentId()).isEqualTo(agent.id());
        await("the offer to time out and go out again", () -> events(created),
                e -> e.containsAll(List.of("OFFERED", "OFFER_TIMED_OUT")) && e.lastIndexOf("OFFERED") > e.indexOf("OFFER_TIMED_OUT"));
        ContactView again = reload(created);
        assertThat(again.state()).isEqualTo(ContactState.OFFERED);
        assertThat(again.agentId()).isEqualTo(agent.id());
        assertThat(again.offeredAt()).isAfterOrEqualTo(offered.offeredAt().plusSeconds(5));
        assertThat(SystemUser.call(() -> agents.status(agent.id())).missedInRow()).isEqualTo(1);
    }

    @Test
    void aLogoutChosenWhileAnOfferRingsIsAppliedWhenTheOfferIsMissed() {
        QueueInfo queue = callQueue(1);
        UserSummary agent = fixture.readyAgents(1, queue).getFirst();
        ContactView created = call(queue);
        await("the offer", () -> reload(created), c -> c.state() == ContactState.OFFERED);
        AgentStatus pending = as(agent, () -> agents.setGlobal(agent.id(), GlobalAction.LOGOUT, null));
        assertThat(pending.pending().action()).isEqualTo(GlobalAction.LOGOUT);

        await("the offer to ring out", () -> events(created), e -> e.contains("OFFER_TIMED_OUT"));
        AgentStatus after = SystemUser.call(() -> agents.status(agent.id()));
        assertThat(after.pending()).isNull();
        assertThat(after.overall()).isEqualTo(PresenceState.LOGGED_OUT);
        assertThat(after.queues()).allSatisfy(q -> assertThat(q.pauseReason()).isNull());
        assertThat(reload(created).state()).isEqualTo(ContactState.QUEUED);
    }

    @Test
    void aWrapUpIsEndedByItsTimer() {
        QueueInfo queue = callQueue(3);
        UserSummary agent = fixture.readyAgents(1, queue).getFirst();
        ContactView created = call(queue);
        await("the offer", () -> reload(created), c -> c.state() == ContactState.OFFERED);
        as(agent, () -> contacts.accept(agent.id(), created.id()));
        ContactView wrapUp = as(agent, () -> contacts.end(agent.id(), created.id()));
        assertThat(wrapUp.state()).isEqualTo(ContactState.WRAP_UP);

        ContactView ended = await("the wrap-up to end by time", () -> reload(created), c -> c.state() == ContactState.ENDED);
        assertThat(ended.wrapUpEndedBy()).isEqualTo(WrapUpEndedBy.TIME);
        assertThat(ended.wrapUpEndedAt()).isAfterOrEqualTo(wrapUp.wrapUpEndsAt());
        assertThat(SystemUser.call(() -> agents.status(agent.id())).activity()).isEqualTo(Activity.IDLE);
    }

    @Test
    void anSmsReplyIsHandedToTheSenderOnceAndTheAgentSeesItSent(CapturedOutput output) {
        QueueInfo queue = fixture.queue(QueueKind.CHAT, 0, 0);
        UserSummary agent = fixture.readyAgents(1, queue).getFirst();
        String customer = unique("Ada");
        SystemUser.run(() -> chats.start(new NewContact(queue.name(), ContactType.CHAT, Channel.SMS, customer, "+15550142"),
                "Where is my parcel?"));

        try (BrowserContext browser = Browsers.newContext()) {
            Page page = browser.newPage();
            String base = "http://localhost:" + port;
            Browsers.signIn(page, base, agent.username(), "password1");
            page.navigate(base + "/chats");
            page.locator("#conversations .conversation").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText(customer)).click();
            page.locator("#chat-accept").click();
            assertThat(page.locator("#chat-messages")).containsText("Where is my parcel?");
            page.locator("#chat-message input").fill("It leaves today.");
            page.locator("#chat-message input").press("Enter");

            var reply = page.locator("#chat-messages .msg-out").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("It leaves today."));
            // The outbox's first sweep runs 5 s after start, then every outboxInterval.
            assertThat(reply.locator(".delivery-sent")).hasText("Sent",
                    new LocatorAssertions.HasTextOptions().setTimeout(DEADLINE.toMillis()));
            Browsers.screenshot(page, "chat-sms-sent");
        }

        long messageId = jdbc.sql("SELECT id FROM chat_message WHERE body = 'It leaves today.' ORDER BY id DESC LIMIT 1")
                .query(Long.class).single();
        String handedOver = "SMS reply " + messageId + " (delivery ";
        // Two more sweeps of the outbox: neither hands the reply over again.
        Instant twoSweepsLater = Instant.now().plus(chatProperties.outboxInterval().multipliedBy(2)).plusMillis(500);
        await("two more outbox sweeps", Instant::now, now -> now.isAfter(twoSweepsLater));
        assertThat(output.getOut().lines().filter(line -> line.contains(handedOver))).hasSize(1);
        assertThat(jdbc.sql("SELECT CONCAT(state, ' after ', attempts) FROM chat_outbox WHERE message_id = ?").param(messageId)
                .query(String.class).single()).isEqualTo("SENT after 1");
    }
}
