package org.switchboard.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.api.ApiScope;
import org.switchboard.api.ApiKeyService;
import org.switchboard.api.ApiKeyService.ApiKeyInfo;
import org.switchboard.audit.AuditEntry;
import org.switchboard.audit.AuditFilter;
import org.switchboard.audit.AuditLog;

/** Admins list keys, create one (shown once, with a copy button) and revoke one after confirming; all audited. */
@SwitchboardTest
@ViewPackages(classes = ApiKeysView.class)
@WithUserDetails("admin")
class ApiKeysViewTest extends SpringBrowserlessTest {

    @Autowired
    ApiKeyService keys;
    @Autowired
    AuditLog audit;

    @SuppressWarnings("unchecked")
    Grid<ApiKeyInfo> grid() {
        return $(Grid.class).id("api-keys");
    }

    int rowOf(String name) {
        for (int i = 0; i < test(grid()).size(); i++) {
            if (test(grid()).getRow(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " is not listed");
    }

    List<AuditEntry> audited(String action, long keyId) {
        return audit.find(new AuditFilter("admin", action, null, null), 0, 100).stream()
                .filter(e -> Long.valueOf(keyId).equals(e.targetId())).toList();
    }

    String create(String name) {
        navigate(ApiKeysView.class);
        test($(TextField.class).id("new-key-name")).setValue(name);
        test($(Button.class).id("create-key")).click();
        return $(TextField.class).id("created-key").getValue();
    }

    @Test
    void aNewKeyIsShownOnceWorksAndIsListedWithoutItsSecret() {
        String name = RoutingFixture.unique("PBX");
        String plain = create(name);

        assertThat(plain).startsWith("sb_");
        assertThat($(TextField.class).id("created-key").isReadOnly()).isTrue();
        assertThat($(Button.class).id("copy-key").isEnabled()).isTrue();
        ApiKeyInfo listed = test(grid()).getRow(rowOf(name));
        assertThat(listed.active()).isTrue();
        assertThat(listed.createdBy()).isEqualTo("admin");
        assertThat(test(grid()).getCellText(rowOf(name), 1)).isEqualTo(plain.substring(0, 10) + "…").doesNotContain(plain);
        assertThat(test(grid()).getCellText(rowOf(name), 2)).isEqualTo("Calls, Chats, Agents, Read, Metrics");
        assertThat(test(grid()).getCellText(rowOf(name), 4)).isEqualTo("Never");
        assertThat(keys.authenticate(plain)).map(ApiKeyInfo::id).contains(listed.id());
        assertThat(audited(ApiKeyService.KEY_CREATED, listed.id())).singleElement()
                .satisfies(e -> assertThat(e.targetName()).isEqualTo(name));

        test($(Button.class).id("close-created-key")).click();
        assertThat($(TextField.class).withId("created-key").exists()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aKeyGetsOnlyTheScopesTheAdminTicksAndAtLeastOne() {
        navigate(ApiKeysView.class);
        int before = test(grid()).size();
        CheckboxGroup<ApiScope> scopes = $(CheckboxGroup.class).id("new-key-scopes");
        scopes.setValue(java.util.Set.of());
        test($(TextField.class).id("new-key-name")).setValue(RoutingFixture.unique("nothing"));
        test($(Button.class).id("create-key")).click();
        assertThat(keys.findAll()).hasSize(before);

        scopes.setValue(java.util.Set.of(ApiScope.READ));
        String name = RoutingFixture.unique("wallboard");
        test($(TextField.class).id("new-key-name")).setValue(name);
        test($(Button.class).id("create-key")).click();
        assertThat(test(grid()).getRow(rowOf(name)).scopes()).containsExactly(ApiScope.READ);
        assertThat(test(grid()).getCellText(rowOf(name), 2)).isEqualTo("Read");
    }

    @Test
    void aJapaneseAdminReadsEachKeysScopesInJapanese() {
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.JAPANESE);
        String name = RoutingFixture.unique("PBX");
        create(name);
        assertThat(test(grid()).getCellText(rowOf(name), 2)).isEqualTo("通話, チャット, エージェント, 参照, メトリクス");
    }

    @Test
    void aKeyWithoutANameIsRefusedAndNothingIsCreated() {
        navigate(ApiKeysView.class);
        int before = test(grid()).size();
        test($(Button.class).id("create-key")).click();
        assertThat($(TextField.class).withId("created-key").exists()).isFalse();
        assertThat(keys.findAll()).hasSize(before);
    }

    @Test
    void revokingAsksFirstThenTheKeyStopsWorking() {
        String name = RoutingFixture.unique("CTI");
        String plain = create(name);
        long id = test(grid()).getRow(rowOf(name)).id();
        $(Dialog.class).id("created-key-dialog").close();

        Button revoke = $(Button.class).from(test(grid()).getCellComponent(rowOf(name), 6)).single();
        test(revoke).click();
        test($(ConfirmDialog.class).single()).cancel();
        assertThat(keys.authenticate(plain)).isPresent();

        test($(Button.class).from(test(grid()).getCellComponent(rowOf(name), 6)).single()).click();
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(keys.authenticate(plain)).isEmpty();
        assertThat(test(grid()).getRow(rowOf(name)).active()).isFalse();
        assertThat(test(grid()).getCellComponent(rowOf(name), 6).isVisible()).isFalse();
        assertThat(audited(ApiKeyService.KEY_REVOKED, id)).hasSize(1);
    }
}
