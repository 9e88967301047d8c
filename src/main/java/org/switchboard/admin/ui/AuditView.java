package org.switchboard.admin.ui;

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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.common.ComponentTexts;
import org.switchboard.common.Formats;
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
@Menu(title = "admin.audit.title", icon = "vaadin:records", order = 590)
@RolesAllowed(Role.ADMIN_ROLE)
class AuditView extends Main implements HasDynamicTitle {

    private static final int PAGE = 200;

    private final AuditLog audit;
    private final TextField actor = new TextField(getTranslation("admin.audit.who"));
    private final ComboBox<String> action = new ComboBox<>(getTranslation("admin.audit.action"));
    private final DatePicker from = new DatePicker(getTranslation("admin.audit.from"));
    private final DatePicker to = new DatePicker(getTranslation("admin.audit.to"));
    private final Grid<AuditEntry> grid = new Grid<>();

    AuditView(AuditLog audit) {
        this.audit = audit;
        Formats formats = Formats.current();
        addClassName("page");
        addClassName("audit-page");
        actor.setPlaceholder(getTranslation("admin.audit.user-name"));
        actor.setClearButtonVisible(true);
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        action.setItems(audit.actions());
        action.setClearButtonVisible(true);
        action.setPlaceholder(getTranslation("admin.audit.any"));
        for (DatePicker day : List.of(from, to)) {
            ComponentTexts.datePicker(day, formats);
            day.setClearButtonVisible(true);
        }
        Button clear = new Button(getTranslation("admin.audit.clear-filters"), e -> {
            actor.clear();
            action.clear();
            from.clear();
            to.clear();
        });
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout filters = new HorizontalLayout(actor, action, from, to, clear);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.addColumn(e -> formats.dateTimeWithSeconds(e.at())).setHeader(getTranslation("admin.audit.when")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditEntry::actorUsername).setHeader(getTranslation("admin.audit.who")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::action).setHeader(getTranslation("admin.audit.action")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditView::target).setHeader(getTranslation("admin.audit.target")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.detail() == null ? "" : e.detail()).setHeader(getTranslation("admin.audit.detail")).setFlexGrow(1)
                .setTooltipGenerator(e -> e.detail() == null ? "" : e.detail());
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("admin.audit.none-match"));
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
            to.setErrorMessage(getTranslation("admin.audit.before-start"));
            grid.setItems(query -> fetch(filter, query.getOffset(), Math.min(query.getLimit(), 0)).stream());
            return;
        }
        to.setInvalid(false);
        try {
            // No count query: the grid asks for further pages as the user scrolls.
            grid.setItems(query -> fetch(filter, query.getOffset(), query.getLimit()).stream());
        } catch (ValidationException ex) {
            UserActions.error(ex::in);
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

    @Override
    public String getPageTitle() {
        return getTranslation("admin.audit.title") + " | Switchboard";
    }

    /** As stored: the audit log's entries are records, not texts of a screen. */
    private static String target(AuditEntry entry) {
        String type = entry.targetType().toLowerCase().replace('_', ' ');
        return entry.targetName() != null ? type + " " + entry.targetName()
                : entry.targetId() != null ? type + " #" + entry.targetId() : type;
    }
}
