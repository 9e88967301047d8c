package org.switchboard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.NewContact;
import org.switchboard.metrics.QueueMetrics;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.SystemUser;

/** The figures all dashboards of a node share: computed once per change, and shown by changing only what differs. */
@SwitchboardTest
class SharedQueueFiguresTest {

    @Autowired
    SharedQueueFigures shared;
    @Autowired
    ContactService contacts;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void aCommittedChangeMakesTheQueuesFiguresStaleAndNothingElseDoes() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 30);
        QueueMetrics first = SystemUser.call(() -> shared.of(List.of(queue.id()))).get(queue.id());
        assertThat(first.now().waiting()).isZero();
        // The same figures, not a second computation, while nothing changed.
        assertThat(SystemUser.call(() -> shared.of(List.of(queue.id()))).get(queue.id())).isSameAs(first);

        SystemUser.run(() -> contacts.create(new NewContact(queue.name(), ContactType.INBOUND_CALL, Channel.VOICE, "Ada", null)));
        assertThat(SystemUser.call(() -> shared.of(List.of(queue.id()))).get(queue.id()).now().waiting()).isEqualTo(1);

        // A write that no service announced is not seen until the figures' maximum age has passed.
        transaction.executeWithoutResult(tx -> jdbc.sql("UPDATE contact SET state = 'ENDED', outcome = 'ABANDONED' WHERE queue_id = ?")
                .param(queue.id()).update());
        assertThat(SystemUser.call(() -> shared.of(List.of(queue.id()))).get(queue.id()).now().waiting()).isEqualTo(1);
    }

    @Test
    void aCardsFiguresAreOneNodeSentAgainOnlyWhenAFigureDiffers() {
        QueueFigures figures = new QueueFigures(QueueKind.CALL, figures(2, 30));
        String list = figures.getElement().getProperty("innerHTML");
        assertThat(list).contains("<dt>Calls waiting</dt><dd>2</dd>", "<dt>Longest waiting</dt><dd>0:30</dd>",
                "<dt title=\"Calls answered within");
        assertThat(figures.getElement().getChildCount()).isZero();

        figures.show(figures(2, 30));
        // Unchanged figures leave the property as it was: the push has nothing to carry.
        assertThat(figures.getElement().getProperty("innerHTML")).isSameAs(list);

        figures.show(figures(3, 75));
        assertThat(figures.valueOf("Calls waiting")).isEqualTo("3");
        assertThat(figures.valueOf("Longest waiting")).isEqualTo("1:15");
        assertThat(figures.getElement().getProperty("innerHTML")).contains("<dt>Calls waiting</dt><dd>3</dd>");
    }

    private static QueueMetrics figures(int waiting, int longestWaitSeconds) {
        return new QueueMetrics(1, "Sales", QueueKind.CALL, new QueueMetrics.Now(waiting, 4, Duration.ofSeconds(longestWaitSeconds)),
                new QueueMetrics.Today(10, 8, 1, 1, 0, Duration.ofMinutes(3), 0.8, Duration.ofSeconds(12), 0.1, 0),
                new QueueMetrics.Chats(0, 0, 0, Duration.ZERO));
    }
}
