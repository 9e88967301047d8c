package org.switchboard.security.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;
import org.switchboard.common.LanguageSwitch;
import org.switchboard.security.SignInLocked;

/**
 * Sign-in, in the browser's language with a switch. Says why a sign-in failed: wrong password, user
 * locked after failures, or disabled.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final LoginI18n i18n = texts();
    private final AuthenticationContext authenticationContext;

    LoginView(AuthenticationContext authenticationContext) {
        this.authenticationContext = authenticationContext;
        addClassName("login-view");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n);
        Paragraph hint = new Paragraph(getTranslation("security.login.hint"));
        hint.addClassName("login-hint");
        add(new LanguageSwitch(), form, hint);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authenticationContext.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("disabled")) {
            showError("security.login.disabled-title", getTranslation("security.login.disabled"));
        } else if (parameters.containsKey("error")) {
            Object failure = VaadinSession.getCurrent().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            if (failure instanceof SignInLocked locked) {
                showError("security.login.locked-title", locked.in(getLocale()));
            } else if (failure instanceof DisabledException) {
                showError("security.login.disabled-title", getTranslation("security.login.disabled"));
            } else {
                showError("security.login.incorrect-title", getTranslation("security.login.incorrect"));
            }
        }
    }

    private void showError(String titleKey, String message) {
        i18n.getErrorMessage().setTitle(getTranslation(titleKey));
        i18n.getErrorMessage().setMessage(message);
        form.setI18n(i18n);
        form.setError(true);
    }

    /** What the form shows; the login component keeps its own copy private. */
    LoginI18n i18n() {
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("security.login.page-title");
    }

    private LoginI18n texts() {
        LoginI18n texts = LoginI18n.createDefault();
        texts.getForm().setTitle("Switchboard");
        texts.getForm().setSubmit(getTranslation("security.login.submit"));
        texts.getForm().setUsername(getTranslation("security.login.username"));
        texts.getForm().setPassword(getTranslation("security.login.password"));
        texts.getErrorMessage().setUsername(getTranslation("security.login.username-required"));
        texts.getErrorMessage().setPassword(getTranslation("security.login.password-required"));
        return texts;
    }
}
