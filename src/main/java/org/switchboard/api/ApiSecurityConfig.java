package org.switchboard.api;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/** The integration API: stateless, API keys only, ahead of the browser UI's chain. */
@Configuration
@EnableConfigurationProperties(ApiProperties.class)
class ApiSecurityConfig {

    static final String PROMETHEUS = "/actuator/prometheus";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeyService keys, RateLimiter limiter, ApiProperties properties,
            JsonMapper json) throws Exception {
        return http.securityMatcher("/api/**", PROMETHEUS)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ApiKeyFilter(keys, limiter, properties, json), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new DatabaseUnavailable(json), ApiKeyFilter.class)
                .authorizeHttpRequests(auth -> auth
                        // A scraper signs in as nobody: it sends a key that was given the METRICS scope.
                        .requestMatchers(PROMETHEUS).access((authentication, request) -> new AuthorizationDecision(
                                authentication.get().getPrincipal() instanceof ApiClient client
                                        && client.scopes().contains(ApiScope.METRICS)))
                        .anyRequest().hasRole("INTEGRATION"))
                .exceptionHandling(refused -> refused.accessDeniedHandler((request, response, denied) ->
                        ApiKeyFilter.problem(json, request, response, HttpStatus.FORBIDDEN,
                                "This API key lacks the scope " + ApiScope.METRICS + ".")))
                .build();
    }
}
