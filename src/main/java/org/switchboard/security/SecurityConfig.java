package org.switchboard.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
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

    /** The browser UI: Vaadin views behind a Vaadin login view. */
    @Bean
    SecurityFilterChain uiSecurity(HttpSecurity http, ThrottlingAuthenticationProvider provider, UserAccounts accounts)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/assets/**", "/webjars/**", "/actuator/health/**", "/actuator/health").permitAll()
                .requestMatchers("/actuator/**").hasRole(Role.ADMIN_ROLE)
                // Pre-recorded audio, served by a controller: any signed-in user; the service checks again.
                .requestMatchers("/audio-messages/**").authenticated());
        http.authenticationProvider(provider);
        http.addFilterBefore(new ActiveUserFilter(accounts), AnonymousAuthenticationFilter.class);
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        // Keeps the exception in the session so the login view can say why (locked, disabled, wrong password).
        http.formLogin(form -> form.failureHandler(new SimpleUrlAuthenticationFailureHandler("/login?error")));
        return http.build();
    }
}
