package org.switchboard.admin.ui;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.common.NarrowScreens;
import org.switchboard.common.UserActions;
import org.switchboard.audit.AuditEntry;
import org.switchboard.audit.AuditFilter;
import org.switchboard.audit.AuditLog;
import org.switchboard.common.ValidationException;
import org.switchboard.security.Role;

/**
 * The audit log, newest first. The grid loads page by page from the database (the log grows without
 * bound), filtered by who acted, the action and a date range.
 */
@Route("admin/audit")
@PageTitle("Audit log | Switchboard")
@Menu(title = "Audit log", icon = "vaadin:records", order = 590)
@RolesAllowed(Role.ADMIN_ROLE)
class AuditView extends Main {

    private static final int PAGE = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditLog audit;
    private final TextField actor = new TextField("Who");
    private final ComboBox<String> action = new ComboBox<>("Action");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Grid<AuditEntry> grid = new Grid<>();

    AuditView(AuditLog audit, Clock clock) {
        this.audit = audit;
        addClassName("page");
        addClassName("audit-page");
        actor.setPlaceholder("User name");
        actor.setClearButtonVisible(true);
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        action.setItems(audit.actions());
        action.setClearButtonVisible(true);
        action.setPlaceholder("Any");
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        Button clear = new Button("Clear filters", e -> {
            actor.clear();
            action.clear();
            from.clear();
            to.clear();
        });
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout filters = new HorizontalLayout(actor, action, from, to, clear);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.addColumn(e -> WHEN.format(e.at().atZone(clock.getZone()))).setHeader("When").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditEntry::actorUsername).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true).setFlexGrow(0);
        var target = grid.addColumn(AuditView::target).setHeader("Target").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.detail() == null ? "" : e.detail()).setHeader("Detail").setFlexGrow(1)
                .setTooltipGenerator(e -> e.detail() == null ? "" : e.detail());
        NarrowScreens.hideWhenNarrow(grid, target);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("No entries match");
        grid.setPageSize(50);
        grid.setSizeFull();

        actor.addValueChangeListener(e -> reload());
        action.addValueChangeListener(e -> reload());
        from.addValueChangeListener(e -> reload());
        to.addValueChangeListener(e -> reload());
        add(filters, grid);
        setSizeFull();
        reload();
    }

    private void reload() {
        AuditFilter filter = new AuditFilter(actor.getValue(), action.getValue(), from.getValue(), to.getValue());
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            to.setInvalid(true);
            to.setErrorMessage("Before the start date");
            grid.setItems(query -> fetch(filter, query.getOffset(), Math.min(query.getLimit(), 0)).stream());
            return;
        }
        to.setInvalid(false);
        try {
            // No count query: the grid asks for further pages as the user scrolls.
            grid.setItems(query -> fetch(filter, query.getOffset(), query.getLimit()).stream());
        } catch (ValidationException ex) {
            UserActions.error(ex.getMessage());
        }
    }

    /** Reads what the grid asks for in pages of at most {@value #PAGE} rows. */
    private List<AuditEntry> fetch(AuditFilter filter, int offset, int limit) {
        List<AuditEntry> rows = new ArrayList<>();
        while (rows.size() < limit) {
            int size = Math.min(PAGE, limit - rows.size());
            List<AuditEntry> page = audit.find(filter, offset + rows.size(), size);
            rows.addAll(page);
            if (page.size() < size) {
                break;
            }
        }
        return rows;
    }

    private static String target(AuditEntry entry) {
        String type = entry.targetType().toLowerCase().replace('_', ' ');
        return entry.targetName() != null ? type + " " + entry.targetName()
                : entry.targetId() != null ? type + " #" + entry.targetId() : type;
    }
}
