package org.switchboard.api.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumSet;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.common.NarrowScreens;
import org.switchboard.api.ApiKeyForm;
import org.switchboard.api.ApiKeyService;
import org.switchboard.api.ApiScope;
import org.switchboard.api.ApiKeyService.ApiKeyInfo;
import org.switchboard.api.ApiKeyService.CreatedKey;
import org.switchboard.common.UserActions;
import org.switchboard.security.Role;

/**
 * The keys integration clients (telephony, chat channels, CTI) use for {@code /api/v1}. A new key
 * is shown once, in a dialog with a copy button; only its hash is kept. Revoking asks first and
 * takes effect at the client's next request.
 */
@Route("admin/api-keys")
@PageTitle("API keys | Switchboard")
@Menu(title = "API keys", icon = "vaadin:key", order = 550)
@RolesAllowed(Role.ADMIN_ROLE)
class ApiKeysView extends Main {

    /** The Clipboard API needs a secure context (https or localhost); elsewhere the older copy command still works. */
    private static final String COPY = """
            if (navigator.clipboard && window.isSecureContext) {
              return navigator.clipboard.writeText($0);
            }
            const area = document.createElement('textarea');
            area.value = $0;
            document.body.appendChild(area);
            area.select();
            const copied = document.execCommand('copy');
            area.remove();
            if (!copied) {
              throw new Error('copy refused');
            }""";

    private final ApiKeyService keys;
    private final String username;
    private final DateTimeFormatter format;
    private final Grid<ApiKeyInfo> grid = new Grid<>();
    private final TextField name = new TextField();
    private final CheckboxGroup<ApiScope> scopes = new CheckboxGroup<>();
    private final BeanValidationBinder<ApiKeyForm> form = new BeanValidationBinder<>(ApiKeyForm.class);

    ApiKeysView(ApiKeyService keys, AuthenticationContext authentication, Clock clock) {
        this.keys = keys;
        this.username = authentication.getPrincipalName().orElseThrow();
        this.format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(clock.getZone());
        addClassName("page");
        name.setPlaceholder("Name of the system that uses it");
        name.setAriaLabel("Name of the new key");
        name.setMaxLength(80);
        name.setId("new-key-name");
        name.setWidth("20rem");
        Button create = new Button("Create key", VaadinIcon.PLUS.create(), e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        create.setId("create-key");
        scopes.setId("new-key-scopes");
        scopes.setAriaLabel("What the key may do");
        scopes.setItems(ApiScope.values());
        scopes.setItemLabelGenerator(ApiScope::label);
        form.forField(name).bind("name");
        form.forField(scopes).bind("scopes");
        form.readRecord(new ApiKeyForm("", EnumSet.allOf(ApiScope.class)));
        scopes.setHelperText("A request outside the key's scopes is refused (403). Give each system only what it needs.");
        HorizontalLayout toolbar = new HorizontalLayout(name, create);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("api-keys");
        grid.addColumn(ApiKeyInfo::name).setHeader("Name").setFlexGrow(2);
        var prefix = grid.addColumn(k -> k.prefix() + "…").setHeader("Key");
        var mayDo = grid.addColumn(k -> String.join(", ", k.scopes().stream().map(Enum::name).toList())).setHeader("May do").setFlexGrow(2);
        var created = grid.addColumn(k -> when(k.createdAt()) + (k.createdBy() == null ? "" : " by " + k.createdBy())).setHeader("Created")
                .setFlexGrow(2);
        var lastUsed = grid.addColumn(k -> k.lastUsedAt() == null ? "Never" : when(k.lastUsedAt())).setHeader("Last used");
        grid.addComponentColumn(this::status).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        NarrowScreens.actions(grid.addComponentColumn(this::revokeButton));
        NarrowScreens.hideWhenNarrow(grid, prefix, mayDo, created, lastUsed);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No API keys yet.");
        add(new Paragraph("Integration clients send a key as \"Authorization: Bearer <key>\". Name each key after the system "
                + "that uses it, so it can be revoked alone."), toolbar, scopes, grid);
        refresh();
    }

    private void create() {
        ApiKeyForm entered;
        try {
            entered = form.writeRecord();
        } catch (ValidationException invalid) {
            return; // the fields say what to fix
        }
        UserActions.run(() -> {
            CreatedKey created = keys.create(entered.name(), username, entered.scopes());
            form.readRecord(new ApiKeyForm("", entered.scopes()));
            refresh();
            showOnce(created);
        });
    }

    /** The plain key, this once: it is not stored and cannot be shown again. */
    private void showOnce(CreatedKey created) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("API key " + created.info().name());
        dialog.setId("created-key-dialog");
        TextField key = new TextField("Key");
        key.setValue(created.plainKey());
        key.setReadOnly(true);
        key.setWidthFull();
        key.setId("created-key");
        Button copy = new Button("Copy", VaadinIcon.COPY.create(), e -> e.getSource().getElement()
                .executeJs(COPY, created.plainKey())
                .then(done -> UserActions.success("Copied to the clipboard."), failed -> UserActions.error("The browser did not allow copying: select the key and copy it.")));
        copy.setId("copy-key");
        key.setSuffixComponent(copy);
        Button done = new Button("Done", e -> dialog.close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.setId("close-created-key");
        dialog.add(new Paragraph("Copy the key now: it is shown only this once. Only a hash of it is stored."), key);
        dialog.getFooter().add(done);
        dialog.setWidth("min(40rem, 95vw)");
        dialog.open();
    }

    private Component status(ApiKeyInfo key) {
        Span badge = new Span(key.active() ? "Active" : "Revoked " + when(key.revokedAt()));
        badge.getElement().getThemeList().add(key.active() ? "badge success" : "badge contrast");
        return badge;
    }

    private Component revokeButton(ApiKeyInfo key) {
        Button revoke = new Button("Revoke", e -> confirmRevoke(key));
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        revoke.setAriaLabel("Revoke " + key.name());
        revoke.setVisible(key.active());
        return revoke;
    }

    private void confirmRevoke(ApiKeyInfo key) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Revoke " + key.name() + "?");
        confirm.setText("Clients using this key are refused (401) from their next request on. This cannot be undone.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Revoke");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            UserActions.run(() -> {
                keys.revoke(key.id());
                UserActions.success(key.name() + " is revoked.");
            });
            refresh();
        });
        confirm.open();
    }

    private void refresh() {
        grid.setItems(keys.findAll());
    }

    private String when(Instant instant) {
        return format.format(instant);
    }
}
