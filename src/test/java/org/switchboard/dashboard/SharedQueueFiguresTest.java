package org.switchboard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.vaadin.flow.dom.Element;
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
        QueueMetrics first = shared.of(List.of(queue.id())).get(queue.id());
        assertThat(first.waiting()).isZero();
        // The same figures, not a second computation, while nothing changed.
        assertThat(shared.of(List.of(queue.id())).get(queue.id())).isSameAs(first);

        SystemUser.run(() -> contacts.create(new NewContact(queue.name(), ContactType.INBOUND_CALL, Channel.VOICE, "Ada", null)));
        assertThat(shared.of(List.of(queue.id())).get(queue.id()).waiting()).isEqualTo(1);

        // A write that no service announced is not seen until the figures' maximum age has passed.
        transaction.executeWithoutResult(tx -> jdbc.sql("UPDATE contact SET state = 'ENDED', outcome = 'ABANDONED' WHERE queue_id = ?")
                .param(queue.id()).update());
        assertThat(shared.of(List.of(queue.id())).get(queue.id()).waiting()).isEqualTo(1);
    }

    @Test
    void newFiguresChangeOnlyTheValuesThatDiffer() {
        QueueFigures figures = new QueueFigures(QueueKind.CALL, figures(2, 30));
        Element waiting = figures.getElement().getChild(0).getChild(1);
        Element longest = figures.getElement().getChild(0).getChild(5);
        assertThat(waiting.getText()).isEqualTo("2");
        assertThat(longest.getText()).isEqualTo("0:30");

        var waitingText = waiting.getChild(0).getNode();
        figures.show(figures(3, 75));
        // The same element and the same text node: the push carries a changed text, not new elements.
        assertThat(figures.getElement().getChild(0).getChild(1).getNode()).isSameAs(waiting.getNode());
        assertThat(waiting.getChild(0).getNode()).isSameAs(waitingText);
        assertThat(waiting.getText()).isEqualTo("3");
        assertThat(longest.getText()).isEqualTo("1:15");
        assertThat(figures.getElement().getChildCount()).isEqualTo(1);
    }

    private static QueueMetrics figures(int waiting, int longestWaitSeconds) {
        return new QueueMetrics(1, "Sales", QueueKind.CALL, waiting, 4, Duration.ofSeconds(longestWaitSeconds), Duration.ofMinutes(3),
                10, 8, 1, 1, 0, 0.8, Duration.ofSeconds(12), 0.1, 0, 0, 0, 0, Duration.ZERO);
    }
}
