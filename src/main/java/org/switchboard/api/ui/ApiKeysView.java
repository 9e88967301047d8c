package org.switchboard.api.ui;

import java.time.Instant;
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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.common.NarrowScreens;
import org.switchboard.api.ApiKeyForm;
import org.switchboard.api.ApiKeyService;
import org.switchboard.api.ApiScope;
import org.switchboard.api.ApiKeyService.ApiKeyInfo;
import org.switchboard.api.ApiKeyService.CreatedKey;
import org.switchboard.common.Formats;
import org.switchboard.common.UserActions;
import org.switchboard.security.Role;

/**
 * The keys integration clients (telephony, chat channels, CTI) use for {@code /api/v1}. A new key
 * is shown once, in a dialog with a copy button; only its hash is kept. Revoking asks first and
 * takes effect at the client's next request.
 */
@Route("admin/api-keys")
@Menu(title = "api.keys.title", icon = "vaadin:key", order = 550)
@RolesAllowed(Role.ADMIN_ROLE)
class ApiKeysView extends Main implements HasDynamicTitle {

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
    private final Formats formats;
    private final Grid<ApiKeyInfo> grid = new Grid<>();
    private final TextField name = new TextField();
    private final CheckboxGroup<ApiScope> scopes = new CheckboxGroup<>();
    private final BeanValidationBinder<ApiKeyForm> form = new BeanValidationBinder<>(ApiKeyForm.class);

    ApiKeysView(ApiKeyService keys, AuthenticationContext authentication) {
        this.keys = keys;
        this.username = authentication.getPrincipalName().orElseThrow();
        this.formats = Formats.current();
        addClassName("page");
        name.setPlaceholder(getTranslation("api.keys.name-placeholder"));
        name.setAriaLabel(getTranslation("api.keys.name-label"));
        name.setMaxLength(80);
        name.setId("new-key-name");
        name.setWidth("20rem");
        Button create = new Button(getTranslation("api.keys.create"), VaadinIcon.PLUS.create(), e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        create.setId("create-key");
        scopes.setId("new-key-scopes");
        scopes.setAriaLabel(getTranslation("api.keys.scopes"));
        scopes.setItems(ApiScope.values());
        scopes.setItemLabelGenerator(scope -> getTranslation(scope.key()));
        form.forField(name).bind("name");
        form.forField(scopes).bind("scopes");
        form.readRecord(new ApiKeyForm("", EnumSet.allOf(ApiScope.class)));
        scopes.setHelperText(getTranslation("api.keys.scopes-help"));
        HorizontalLayout toolbar = new HorizontalLayout(name, create);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("api-keys");
        grid.addColumn(ApiKeyInfo::name).setHeader(getTranslation("api.keys.name")).setFlexGrow(2);
        var prefix = grid.addColumn(k -> k.prefix() + "…").setHeader(getTranslation("api.keys.key"));
        var mayDo = grid.addColumn(k -> String.join(", ", k.scopes().stream().map(scope -> getTranslation(scope.nameKey())).toList())).setHeader(getTranslation("api.keys.may-do")).setFlexGrow(2);
        var created = grid.addColumn(k -> k.createdBy() == null ? when(k.createdAt()) : getTranslation("api.keys.created-by", when(k.createdAt()), k.createdBy()))
                .setHeader(getTranslation("api.keys.created"))
                .setFlexGrow(2);
        var lastUsed = grid.addColumn(k -> k.lastUsedAt() == null ? getTranslation("api.keys.never") : when(k.lastUsedAt()))
                .setHeader(getTranslation("api.keys.last-used"));
        grid.addComponentColumn(this::status).setHeader(getTranslation("api.keys.status")).setAutoWidth(true).setFlexGrow(0);
        NarrowScreens.actions(grid.addComponentColumn(this::revokeButton));
        NarrowScreens.hideWhenNarrow(grid, prefix, mayDo, created, lastUsed);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("api.keys.none"));
        add(new Paragraph(getTranslation("api.keys.explained")), toolbar, scopes, grid);
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
        dialog.setHeaderTitle(getTranslation("api.keys.created-title", created.info().name()));
        dialog.setId("created-key-dialog");
        TextField key = new TextField(getTranslation("api.keys.key"));
        key.setValue(created.plainKey());
        key.setReadOnly(true);
        key.setWidthFull();
        key.setId("created-key");
        Button copy = new Button(getTranslation("api.keys.copy"), VaadinIcon.COPY.create(), e -> e.getSource().getElement()
                .executeJs(COPY, created.plainKey())
                .then(done -> UserActions.success("api.keys.copied"), failed -> UserActions.error("api.keys.copy-refused")));
        copy.setId("copy-key");
        key.setSuffixComponent(copy);
        Button done = new Button(getTranslation("api.keys.done"), e -> dialog.close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.setId("close-created-key");
        dialog.add(new Paragraph(getTranslation("api.keys.shown-once")), key);
        dialog.getFooter().add(done);
        dialog.setWidth("min(40rem, 95vw)");
        dialog.open();
    }

    private Component status(ApiKeyInfo key) {
        Span badge = new Span(key.active() ? getTranslation("api.keys.active") : getTranslation("api.keys.revoked-at", when(key.revokedAt())));
        badge.getElement().getThemeList().add(key.active() ? "badge success" : "badge contrast");
        return badge;
    }

    private Component revokeButton(ApiKeyInfo key) {
        Button revoke = new Button(getTranslation("api.keys.revoke"), e -> confirmRevoke(key));
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        revoke.setAriaLabel(getTranslation("api.keys.revoke-named", key.name()));
        revoke.setVisible(key.active());
        return revoke;
    }

    private void confirmRevoke(ApiKeyInfo key) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("api.keys.revoke-question", key.name()));
        confirm.setText(getTranslation("api.keys.revoke-explained"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.action.cancel"));
        confirm.setConfirmText(getTranslation("api.keys.revoke"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            UserActions.run(() -> {
                keys.revoke(key.id());
                UserActions.success("api.keys.now-revoked", key.name());
            });
            refresh();
        });
        confirm.open();
    }

    private void refresh() {
        grid.setItems(keys.findAll());
    }

    private String when(Instant instant) {
        return formats.dateTime(instant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("api.keys.title") + " | Switchboard";
    }
}
