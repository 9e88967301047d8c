package org.switchboard.admin.ui;

import java.util.Optional;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.common.UserActions;
import org.switchboard.agent.PauseReason;
import org.switchboard.agent.PauseReasonForm;
import org.switchboard.agent.PauseReasonService;
import org.switchboard.security.Role;

/**
 * The reasons agents choose when they pause. System reasons (set by the routing engine) are listed
 * but locked; the others can be renamed and deactivated (kept for history, no longer offered).
 */
@Route("admin/pause-reasons")
@Menu(title = "admin.pause-reasons.title", icon = "vaadin:coffee", order = 520)
@RolesAllowed(Role.ADMIN_ROLE)
class PauseReasonsView extends Main implements HasDynamicTitle {

    private final PauseReasonService reasons;
    private final Grid<PauseReason> grid = new Grid<>();
    private final TextField newName = new TextField();
    private final Button add = new Button(getTranslation("common.action.add"), VaadinIcon.PLUS.create());

    PauseReasonsView(PauseReasonService reasons) {
        this.reasons = reasons;
        addClassName("page");
        newName.setPlaceholder(getTranslation("admin.pause-reasons.new"));
        newName.setAriaLabel(getTranslation("admin.pause-reasons.new"));
        newName.setMaxLength(50);
        newName.setId("new-reason");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickShortcut(Key.ENTER);
        BeanValidationBinder<PauseReasonForm> form = nameForm(newName);
        add.addClickListener(e -> written(form).ifPresent(entered -> {
            if (UserActions.run(() -> UserActions.success("admin.pause-reasons.added", reasons.create(entered.name()).name()))) {
                form.readRecord(new PauseReasonForm(""));
                refresh();
            }
        }));
        HorizontalLayout toolbar = new HorizontalLayout(newName, add);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.addColumn(PauseReason::name).setHeader(getTranslation("admin.pause-reasons.reason")).setFlexGrow(2);
        grid.addComponentColumn(this::status).setHeader(getTranslation("admin.pause-reasons.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        add(toolbar, grid);
        refresh();
    }

    private Span status(PauseReason reason) {
        Span badge;
        if (reason.systemReason()) {
            badge = new Span(VaadinIcon.LOCK.create(), new Span(getTranslation("admin.pause-reasons.system")));
            badge.getElement().getThemeList().add("badge contrast");
            badge.setTitle(getTranslation("admin.pause-reasons.system-explained"));
        } else if (reason.active()) {
            badge = new Span(getTranslation("admin.pause-reasons.active"));
            badge.getElement().getThemeList().add("badge success");
        } else {
            badge = new Span(getTranslation("admin.pause-reasons.inactive"));
            badge.getElement().getThemeList().add("badge");
        }
        return badge;
    }

    private HorizontalLayout actions(PauseReason reason) {
        if (reason.systemReason()) {
            return new HorizontalLayout();
        }
        Button rename = new Button(getTranslation("admin.pause-reasons.rename"), e -> rename(reason));
        rename.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        rename.setId("rename-" + reason.id());
        Button toggle = new Button(getTranslation(reason.active() ? "admin.pause-reasons.deactivate" : "admin.pause-reasons.activate"),
                e -> save(reason, reason.name(), !reason.active()));
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        toggle.setId("toggle-" + reason.id());
        return new HorizontalLayout(rename, toggle);
    }

    private void rename(PauseReason reason) {
        Dialog dialog = new Dialog(getTranslation("admin.pause-reasons.rename-named", reason.name()));
        TextField name = new TextField(getTranslation("admin.pause-reasons.name"));
        name.setMaxLength(50);
        name.setWidthFull();
        BeanValidationBinder<PauseReasonForm> form = nameForm(name);
        form.readRecord(new PauseReasonForm(reason.name()));
        dialog.add(name);
        Button save = new Button(getTranslation("common.action.save"), e -> written(form).ifPresent(entered -> {
            if (save(reason, entered.name(), reason.active())) {
                dialog.close();
            }
        }));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private boolean save(PauseReason reason, String name, boolean active) {
        boolean saved = UserActions.run(() -> {
            PauseReason changed = reasons.update(reason.id(), reason.version(), name, active);
            UserActions.success(changed.active() ? "admin.pause-reasons.now-active" : "admin.pause-reasons.now-inactive", changed.name());
        });
        refresh();
        return saved;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.pause-reasons.title") + " | Switchboard";
    }

    /** The name field bound to the form's constraints, which it shows as the user types. */
    private static BeanValidationBinder<PauseReasonForm> nameForm(TextField name) {
        BeanValidationBinder<PauseReasonForm> form = new BeanValidationBinder<>(PauseReasonForm.class);
        form.forField(name).bind("name");
        form.readRecord(new PauseReasonForm(""));
        return form;
    }

    /** The form's record, or empty when a field shows what to fix. */
    private static Optional<PauseReasonForm> written(BeanValidationBinder<PauseReasonForm> form) {
        try {
            return Optional.of(form.writeRecord());
        } catch (ValidationException invalid) {
            return Optional.empty();
        }
    }

    private void refresh() {
        grid.setItems(reasons.findAll());
    }
}
