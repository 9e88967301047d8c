package org.switchboard.security.ui;

import static org.assertj.core.api.Assertions.assertThat;


import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.switchboard.SwitchboardTest;

@SwitchboardTest
@ViewPackages(classes = LoginView.class)
class LoginViewTest extends SpringBrowserlessTest {

    @Test
    @WithAnonymousUser
    void showsTheSignInForm() {
        navigate(LoginView.class);
        LoginForm form = $(LoginForm.class).single();
        assertThat(form.isError()).isFalse();
        assertThat(form.getAction()).isEqualTo("login");
        assertThat(form.isForgotPasswordButtonVisible()).isFalse();
    }

    @Test
    @WithAnonymousUser
    void saysWhenTheAccountIsDisabled() {
        LoginView view = navigateWithQuery("disabled");
        assertThat($(LoginForm.class).single().isError()).isTrue();
        assertThat(view.i18n().getErrorMessage().getMessage()).contains("disabled");
    }

    @Test
    @WithAnonymousUser
    void saysWhenTheSignInFailed() {
        LoginView view = navigateWithQuery("error");
        assertThat($(LoginForm.class).single().isError()).isTrue();
        assertThat(view.i18n().getErrorMessage().getTitle()).contains("Incorrect");
    }

    @Test
    @WithAnonymousUser
    void speaksJapaneseToAJapaneseBrowserAndSwitchesLanguage() {
        UI.getCurrent().setLocale(java.util.Locale.JAPANESE);
        LoginView view = navigateWithQuery("error");
        assertThat(view.i18n().getForm().getSubmit()).isEqualTo("サインイン");
        assertThat(view.i18n().getErrorMessage().getTitle()).isEqualTo("ユーザー名またはパスワードが違います");
        assertThat(view.getPageTitle()).isEqualTo("サインイン | Switchboard");

        assertThat($(com.vaadin.flow.component.button.Button.class).id("language-ja").getElement().getAttribute("aria-current"))
                .as("the language shown is marked").isEqualTo("true");
        assertThat($(com.vaadin.flow.component.button.Button.class).id("language-en").getElement().hasAttribute("aria-current")).isFalse();
        test($(com.vaadin.flow.component.button.Button.class).id("language-en")).click();
        assertThat(com.vaadin.flow.server.VaadinSession.getCurrent().getLocale()).isEqualTo(java.util.Locale.ENGLISH);
        assertThat(UI.getCurrent().getLocale()).isEqualTo(java.util.Locale.ENGLISH);
    }

    private LoginView navigateWithQuery(String parameter) {
        UI.getCurrent().navigate("login", QueryParameters.of(parameter, ""));
        return (LoginView) getCurrentView();
    }
}
