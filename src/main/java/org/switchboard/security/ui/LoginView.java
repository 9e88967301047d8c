package org.switchboard.security.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/** Sign-in. Says why a sign-in failed: wrong password, user locked after failures, or disabled. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in | Switchboard")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final LoginI18n i18n = texts();
    private final AuthenticationContext authenticationContext;

    LoginView(AuthenticationContext authenticationContext) {
        this.authenticationContext = authenticationContext;
        addClassName("login-view");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n);
        Paragraph hint = new Paragraph("Sign in with the account your administrator gave you.");
        hint.addClassName("login-hint");
        add(form, hint);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authenticationContext.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("disabled")) {
            showError("Account disabled", "This account has been disabled. Ask an administrator.");
        } else if (parameters.containsKey("error")) {
            Object failure = VaadinSession.getCurrent().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            if (failure instanceof LockedException locked) {
                showError("Too many attempts", locked.getMessage());
            } else if (failure instanceof DisabledException) {
                showError("Account disabled", "This account has been disabled. Ask an administrator.");
            } else {
                showError("Incorrect user name or password", "Check your user name and password and try again.");
            }
        }
    }

    private void showError(String title, String message) {
        i18n.getErrorMessage().setTitle(title);
        i18n.getErrorMessage().setMessage(message);
        form.setI18n(i18n);
        form.setError(true);
    }

    /** What the form shows; the login component keeps its own copy private. */
    LoginI18n i18n() {
        return i18n;
    }

    private static LoginI18n texts() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Switchboard");
        i18n.getForm().setSubmit("Sign in");
        return i18n;
    }
}
