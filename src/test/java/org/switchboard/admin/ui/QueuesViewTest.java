package org.switchboard.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.switchboard.SwitchboardApplication;
import org.switchboard.SwitchboardTest;
import org.switchboard.queue.AssignmentRole;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;
import org.switchboard.queue.QueueSettings;
import org.switchboard.security.UserService;
import org.switchboard.security.UserSummary;

@SwitchboardTest
@ViewPackages(classes = SwitchboardApplication.class)
@WithUserDetails("admin")
class QueuesViewTest extends SpringBrowserlessTest {

    @Autowired
    QueueService queues;
    @Autowired
    UserService users;

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private QueueDialog openNewQueueDialog() {
        navigate(QueuesView.class);
        test($(Button.class).id("new-queue")).click();
        return $(QueueDialog.class).single();
    }

    @SuppressWarnings("unchecked")
    private Grid<QueueInfo> grid() {
        return $(Grid.class).single();
    }

    /** Clicks the row's Edit button (the grid's last column). */
    private void openEditDialog(QueueInfo queue) {
        navigate(QueuesView.class);
        Grid<QueueInfo> grid = grid();
        var tester = test(grid);
        for (int row = 0; row < tester.size(); row++) {
            if (tester.getRow(row).id() == queue.id()) {
                test((Button) tester.getCellComponent(row, 5)).click();
                return;
            }
        }
        throw new AssertionError("No row for " + queue.name());
    }

    private UserSummary user(String username) {
        return users.findByUsername(username).orElseThrow();
    }

    @Test
    void createsAQueueWithItsSettingsAndAssignments() {
        QueueDialog dialog = openNewQueueDialog();
        String name = unique("Billing");
        test(dialog.name).setValue(name);
        test(dialog.kind).selectItem(QueueKind.CHAT.label());
        assertThat(dialog.chatCapacity.isVisible()).isTrue();
        assertThat(dialog.sources.isVisible()).isFalse();
        test(dialog.offerTimeout).setValue(25);
        test(dialog.wrapUp).setValue(0);
        test(dialog.chatCapacity).setValue(4);
        test(dialog.priority).setValue(2);
        test(dialog.agents).selectItem(dialog.label(user("agent5")), dialog.label(user("agent6")));
        test(dialog.supervisors).selectItem(dialog.label(user("supervisor")));
        test(dialog.save).click();

        QueueInfo saved = queues.findByName(name).orElseThrow();
        assertThat(saved.kind()).isEqualTo(QueueKind.CHAT);
        assertThat(saved.settings().offerTimeoutSeconds()).isEqualTo(25);
        assertThat(saved.settings().wrapUpSeconds()).isZero();
        assertThat(saved.settings().chatCapacity()).isEqualTo(4);
        assertThat(saved.settings().priority()).isEqualTo(2);
        assertThat(queues.usersOf(saved.id(), AssignmentRole.AGENT))
                .containsExactlyInAnyOrder(user("agent5").id(), user("agent6").id());
        assertThat(queues.usersOf(saved.id(), AssignmentRole.SUPERVISOR)).containsExactly(user("supervisor").id());
        assertThat(dialog.isOpened()).isFalse();
        Grid<QueueInfo> grid = grid();
        assertThat(test(grid).size()).isEqualTo(queues.findAll().size());
        assertThat(grid.getGenericDataView().getItems()).extracting(QueueInfo::name).contains(name);
    }

    @Test
    void showsABrokenSettingBesideItsFieldAndSavesNothing() {
        QueueDialog dialog = openNewQueueDialog();
        String name = unique("Broken");
        test(dialog.name).setValue(name);
        test(dialog.offerTimeout).setValue(2);
        test(dialog.save).click();

        assertThat(dialog.offerTimeout.isInvalid()).isTrue();
        assertThat(dialog.offerTimeout.getErrorMessage()).isEqualTo("The offer timeout must be between 5 and 600 seconds.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(queues.findByName(name)).isEmpty();

        dialog.offerTimeout.clear();
        test(dialog.save).click();
        assertThat(dialog.offerTimeout.getErrorMessage()).isEqualTo("Enter the offer timeout.");
        assertThat(queues.findByName(name)).isEmpty();
    }

    @Test
    void showsWhatTheServiceRefusesAboveTheTabs() {
        QueueInfo taken = queues.create(QueueSettings.defaults(unique("Taken"), QueueKind.CALL));
        QueueDialog dialog = openNewQueueDialog();
        test(dialog.name).setValue(taken.name());
        test(dialog.save).click();

        assertThat(dialog.error.isVisible()).isTrue();
        assertThat(dialog.error.getText()).isEqualTo("A queue named " + taken.name() + " already exists.");
        assertThat(dialog.isOpened()).isTrue();
    }

    @Test
    void aCampaignChoosesCallQueuesAsSources() {
        QueueInfo calls = queues.create(QueueSettings.defaults(unique("Calls"), QueueKind.CALL));
        QueueInfo chats = queues.create(QueueSettings.defaults(unique("Chats"), QueueKind.CHAT));
        QueueDialog dialog = openNewQueueDialog();
        String name = unique("Callbacks");
        test(dialog.name).setValue(name);
        test(dialog.kind).selectItem(QueueKind.CAMPAIGN.label());
        assertThat(dialog.sources.isVisible()).isTrue();
        assertThat(dialog.chatCapacity.isVisible()).isFalse();
        assertThat(dialog.sources.getListDataView().getItems()).extracting(QueueInfo::name)
                .contains(calls.name()).doesNotContain(chats.name());
        test(dialog.sources).selectItem(calls.name());
        test(dialog.save).click();
        assertThat(queues.findByName(name).orElseThrow().sourceQueueIds()).containsExactly(calls.id());
    }

    @Test
    void editingAQueueSomeoneElseChangedShowsTheConflict() {
        QueueInfo queue = queues.create(QueueSettings.defaults(unique("Edited"), QueueKind.CALL));
        openEditDialog(queue);
        QueueDialog dialog = $(QueueDialog.class).single();
        assertThat(dialog.kind.isReadOnly()).isTrue();

        QueueSettings s = queue.settings();
        queues.update(queue.id(), queue.version(), new QueueSettings(s.name(), s.kind(), 40, s.wrapUpSeconds(),
                s.wrapUpExtensionSeconds(), s.maxWaitSeconds(), s.serviceLevelSeconds(), s.chatCapacity(), s.priority(),
                s.missedOffersBeforePause(), Set.of()));
        test(dialog.maxWait).setValue(1200);
        test(dialog.save).click();

        assertThat(dialog.error.getText()).contains("Someone else changed this queue meanwhile");
        QueueInfo now = queues.findById(queue.id()).orElseThrow();
        assertThat(now.settings().maxWaitSeconds()).isEqualTo(s.maxWaitSeconds());
        assertThat(now.settings().offerTimeoutSeconds()).isEqualTo(40);
    }

    @Test
    void editingAssignmentsReplacesTheQueuesAgents() {
        QueueInfo queue = queues.create(QueueSettings.defaults(unique("Staffed"), QueueKind.CALL));
        queues.assign(queue.id(), AssignmentRole.AGENT, Set.of(user("agent1").id(), user("agent2").id()));
        openEditDialog(queue);
        QueueDialog dialog = $(QueueDialog.class).single();
        assertThat(dialog.agents.getValue()).extracting(UserSummary::username).containsExactlyInAnyOrder("agent1", "agent2");

        dialog.agents.deselect(user("agent1"));
        dialog.agents.select(user("agent3"));
        test(dialog.save).click();

        assertThat(queues.usersOf(queue.id(), AssignmentRole.AGENT))
                .containsExactlyInAnyOrder(user("agent2").id(), user("agent3").id());
        assertThat(queues.usersOf(queue.id(), AssignmentRole.SUPERVISOR)).isEmpty();
    }
}
