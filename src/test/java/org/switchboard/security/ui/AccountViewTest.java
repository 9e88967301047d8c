package org.switchboard.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.common.Formats;
import org.switchboard.common.ValidationException;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.SignedInUser;
import org.switchboard.security.UserPreferences;
import org.switchboard.security.UserService;
import org.switchboard.security.UserSummary;

/** A user picks its language and time zone; its next screens use them. */
@SwitchboardTest
@ViewPackages(classes = AccountView.class)
class AccountViewTest extends SpringBrowserlessTest {

    @Autowired
    RoutingFixture fixture;
    @Autowired
    UserService users;

    UserSummary agent;

    @BeforeEach
    void signIn() {
        agent = fixture.readyAgents(1, fixture.queue(QueueKind.CALL, 0, 30)).getFirst();
        SignedInUser principal = new SignedInUser(agent.id(), agent.username(), agent.displayName(), "", true, agent.roles());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void choosesJapaneseAndTokyoTimeAndTheNextScreenUsesThem() {
        assertThat(users.preferences(agent.username())).isEqualTo(UserPreferences.BROWSER);
        navigate(AccountView.class);
        Select<Optional<Locale>> language = $(Select.class).id("account-language");
        language.setValue(Optional.of(Locale.JAPANESE));
        ComboBox<String> zone = $(ComboBox.class).id("account-time-zone");
        zone.setValue("Asia/Tokyo");
        test($(Button.class).id("account-save-language")).click();

        assertThat(users.preferences(agent.username()))
                .isEqualTo(new UserPreferences(Optional.of(Locale.JAPANESE), Optional.of(ZoneId.of("Asia/Tokyo"))));

        UI next = UI.getCurrent();
        UserLanguage.apply(next, users.preferences(agent.username()));
        assertThat(next.getLocale()).isEqualTo(Locale.JAPANESE);
        assertThat(Formats.of(next).zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        navigate(AccountView.class);
        assertThat($(H2.class).all()).extracting(H2::getText).contains("マイアカウント", "言語とタイムゾーン");
    }

    @Test
    void backToTheBrowsersChoiceAndNoOtherLanguage() {
        users.changeOwnPreferences(agent.username(), new UserPreferences(Optional.of(Locale.JAPANESE), Optional.empty()));
        users.changeOwnPreferences(agent.username(), UserPreferences.BROWSER);
        assertThat(users.preferences(agent.username())).isEqualTo(UserPreferences.BROWSER);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> users.changeOwnPreferences(agent.username(),
                new UserPreferences(Optional.of(Locale.FRENCH), Optional.empty())))
                .isInstanceOf(ValidationException.class).hasMessage("Choose English or Japanese.");
    }
}
