package org.switchboard.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.switchboard.SwitchboardApplication;
import org.switchboard.SwitchboardTest;
import org.switchboard.agent.PauseReason;
import org.switchboard.agent.PauseReasonService;

@SwitchboardTest
@ViewPackages(classes = SwitchboardApplication.class)
@WithUserDetails("admin")
class PauseReasonsViewTest extends SpringBrowserlessTest {

    @Autowired
    PauseReasonService reasons;

    @SuppressWarnings("unchecked")
    private Grid<PauseReason> grid() {
        return $(Grid.class).single();
    }

    /** The row's action buttons (the grid's last column); none for system reasons. */
    private java.util.Optional<Button> action(long reasonId, String text) {
        var tester = test(grid());
        for (int row = 0; row < tester.size(); row++) {
            if (tester.getRow(row).id() == reasonId) {
                return $(Button.class).from(tester.getCellComponent(row, 2)).withText(text).all().stream().findFirst();
            }
        }
        throw new AssertionError("No row for reason " + reasonId);
    }

    @Test
    void addsRenamesDeactivatesAndActivatesAReason() {
        navigate(PauseReasonsView.class);
        TextField newName = $(TextField.class).id("new-reason");
        Button add = $(Button.class).withText("Add").single();
        String name = "Coaching " + UUID.randomUUID().toString().substring(0, 6);
        test(newName).setValue(name);
        test(add).click();

        PauseReason added = reasons.findByName(name).orElseThrow();
        assertThat(added.active()).isTrue();
        assertThat(newName.getValue()).isEmpty();
        assertThat(grid().getGenericDataView().getItems()).extracting(PauseReason::name).contains(name);

        test(action(added.id(), "Deactivate").orElseThrow()).click();
        assertThat(reasons.findById(added.id()).orElseThrow().active()).isFalse();
        assertThat(reasons.selectable()).extracting(PauseReason::name).doesNotContain(name);
        assertThat(action(added.id(), "Activate")).isPresent();

        test(action(added.id(), "Rename").orElseThrow()).click();
        Dialog dialog = $(Dialog.class).single();
        test($(TextField.class).from(dialog).withLabel("Name").single()).setValue(name + " 1:1");
        test($(Button.class).from(dialog).withText("Save").single()).click();
        assertThat(reasons.findById(added.id()).orElseThrow().name()).isEqualTo(name + " 1:1");

        test(action(added.id(), "Activate").orElseThrow()).click();
        assertThat(reasons.selectable()).extracting(PauseReason::name).contains(name + " 1:1");
    }

    @Test
    void aDuplicateNameIsRefusedAndSystemReasonsAreLocked() {
        navigate(PauseReasonsView.class);
        TextField newName = $(TextField.class).id("new-reason");
        Button add = $(Button.class).withText("Add").single();
        long before = reasons.findAll().size();
        test(newName).setValue("Lunch");
        test(add).click();
        assertThat(reasons.findAll()).hasSize((int) before);
        assertThat(newName.getValue()).isEqualTo("Lunch");

        PauseReason missed = reasons.findByName(PauseReason.MISSED_OFFERS).orElseThrow();
        assertThat(grid().getGenericDataView().getItems()).extracting(PauseReason::name)
                .contains(PauseReason.MISSED_OFFERS, PauseReason.DISCONNECTED);
        assertThat(action(missed.id(), "Deactivate")).isEmpty();
        assertThat(action(missed.id(), "Rename")).isEmpty();
    }
}
