package org.switchboard.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.switchboard.security.ui.LoginView;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    ThrottlingAuthenticationProvider authenticationProvider(UserAccounts accounts, PasswordEncoder encoder,
            LoginThrottle throttle) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(accounts);
        dao.setPasswordEncoder(encoder);
        return new ThrottlingAuthenticationProvider(dao, throttle);
    }

    /**
     * Everything comes from this server. Vaadin's bootstrap page has inline scripts and styles, and
     * Flow runs the JavaScript the server sends through Function(): hence 'unsafe-inline' and
     * 'unsafe-eval'. Audio plays from this server or from a recording in the browser (blob:).
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "media-src 'self' blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'");

    /** The browser UI: Vaadin views behind a Vaadin login view. */
    @Bean
    SecurityFilterChain uiSecurity(HttpSecurity http, ThrottlingAuthenticationProvider provider, UserAccounts accounts,
            RequestUtil vaadinRequests) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                // The error page of a refused request (a 403 for a missing CSRF token) shows, instead of a sign-in redirect.
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers("/assets/**", "/webjars/**", "/actuator/health/**", "/actuator/health").permitAll()
                .requestMatchers("/actuator/**").hasRole(Role.ADMIN_ROLE)
                // Pre-recorded audio, served by a controller: any signed-in user; the service checks again.
                .requestMatchers("/audio-messages/**").authenticated());
        http.authenticationProvider(provider);
        http.addFilterBefore(new ActiveUserFilter(accounts), AnonymousAuthenticationFilter.class);
        // Vaadin would exempt the login page from CSRF protection; here only Vaadin's own requests are
        // exempt (they carry Vaadin's token). The login form sends Spring's token, read from the page's meta tags.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class).enableCsrfConfiguration(false));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.headers(headers -> {
            headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                    .frameOptions(frames -> frames.sameOrigin());
            // Written before the request goes on: Spring writes them lazily when the response is committed,
            // which it does not notice for the pages the Vaadin servlet writes, so those went without any.
            headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                @Override
                public <O extends HeaderWriterFilter> O postProcess(O filter) {
                    filter.setShouldWriteHeadersEagerly(true);
                    return filter;
                }
            });
        });
        // Keeps the exception in the session so the login view can say why (locked, disabled, wrong password).
        http.formLogin(form -> form.failureHandler(new SimpleUrlAuthenticationFailureHandler("/login?error")));
        return http.build();
    }
}
