package org.switchboard.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.MutableClock;
import org.switchboard.SwitchboardApplication;
import org.switchboard.SwitchboardTest;
import org.switchboard.audit.Actor;
import org.switchboard.audit.AuditAction;
import org.switchboard.audit.AuditEntry;
import org.switchboard.audit.AuditLog;
import org.switchboard.audit.AuditTarget;

@SwitchboardTest
@ViewPackages(classes = SwitchboardApplication.class)
@WithUserDetails("admin")
class AuditViewTest extends SpringBrowserlessTest {

    @Autowired
    AuditLog audit;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @SuppressWarnings("unchecked")
    private List<String> shownDetails() {
        Grid<AuditEntry> grid = $(Grid.class).single();
        return grid.getLazyDataView().getItems().map(AuditEntry::detail).toList();
    }

    @Test
    void filtersByWhoActionAndDateNewestFirst() {
        String sup = "sup-" + UUID.randomUUID().toString().substring(0, 8);
        ZonedDateTime start = ZonedDateTime.now(clock.getZone()).minusDays(10).withHour(9);
        tx.executeWithoutResult(status -> {
            clock.set(start.toInstant());
            audit.record(new Actor(null, sup), AuditAction.AGENT_PAUSED, AuditTarget.agent(1, "agent1"), "paused 1");
            clock.set(start.plusDays(1).toInstant());
            audit.record(new Actor(null, sup), AuditAction.AGENT_WRAP_UP_ENDED, AuditTarget.agent(2, "agent2"), "wrap-up 2");
            clock.set(start.plusDays(2).toInstant());
            audit.record(new Actor(null, sup), AuditAction.AGENT_PAUSED, AuditTarget.agent(3, "agent3"), "paused 3");
            clock.set(start.plusDays(2).plus(Duration.ofMinutes(1)).toInstant());
            audit.record(new Actor(null, sup + "z"), AuditAction.AGENT_PAUSED, AuditTarget.agent(3, "agent3"), "other");
        });
        clock.reset();

        navigate(AuditView.class);
        TextField actor = $(TextField.class).withLabel("Who").single();
        @SuppressWarnings("unchecked")
        ComboBox<String> action = $(ComboBox.class).withLabel("Action").single();
        DatePicker from = $(DatePicker.class).withLabel("From").single();
        DatePicker to = $(DatePicker.class).withLabel("To").single();
        test(actor).setValue(sup);
        assertThat(shownDetails()).containsExactly("other", "paused 3", "wrap-up 2", "paused 1");

        test(actor).setValue(sup + "z");
        assertThat(shownDetails()).containsExactly("other");

        test(actor).setValue(sup);
        test(action).selectItem(AuditAction.AGENT_PAUSED);
        assertThat(shownDetails()).containsExactly("other", "paused 3", "paused 1");

        action.clear();
        LocalDate second = start.plusDays(1).toLocalDate();
        test(from).setValue(second);
        test(to).setValue(second);
        assertThat(shownDetails()).containsExactly("wrap-up 2");
        assertThat(test($(Grid.class).single()).getCellText(0, 1)).isEqualTo(sup);
        assertThat(test($(Grid.class).single()).getCellText(0, 3)).isEqualTo("agent agent2");

        test(to).setValue(second.minusDays(1));
        assertThat(to.isInvalid()).isTrue();
        assertThat(shownDetails()).isEmpty();
    }
}
