package org.switchboard.api;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.switchboard.security.Role;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authenticates {@code Authorization: Bearer <key>}, applies the per-key rate limit and the body size
 * limit. Every refusal is a problem+json body.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    private final ApiKeyService keys;
    private final RateLimiter limiter;
    private final ApiProperties properties;
    private final JsonMapper json;

    ApiKeyFilter(ApiKeyService keys, RateLimiter limiter, ApiProperties properties, JsonMapper json) {
        this.keys = keys;
        this.limiter = limiter;
        this.properties = properties;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        var client = token == null ? java.util.Optional.<ApiKeyService.ApiKeyInfo>empty() : keys.authenticate(token);
        if (client.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            problem(request, response, HttpStatus.UNAUTHORIZED, token == null
                    ? "Send an API key in the Authorization header: Bearer <key>."
                    : "The API key is unknown or revoked.");
            return;
        }
        long wait = limiter.acquire(client.get().id());
        if (wait > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
            problem(request, response, HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests for this API key; retry after " + wait + " s.");
            return;
        }
        int limit = request.getRequestURI().startsWith(WebhooksApi.PATH) ? properties.maxWebhookBodyBytes() : properties.maxBodyBytes();
        if (request.getContentLengthLong() > limit) {
            problem(request, response, HttpStatus.CONTENT_TOO_LARGE, LimitedBodyRequest.tooLarge(limit).getMessage());
            return;
        }
        var auth = UsernamePasswordAuthenticationToken.authenticated(new ApiClient(client.get().id(), client.get().name(), client.get().scopes()),
                null, List.of(new SimpleGrantedAuthority("ROLE_" + Role.INTEGRATION_ROLE)));
        SecurityContextHolder.getContext().setAuthentication(auth);
        try {
            // The declared length may be absent (chunked) or false: the bytes actually read count.
            chain.doFilter(new LimitedBodyRequest(request, limit), response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        problem(json, request, response, status, detail);
    }

    /** The API's error body (RFC 9457), also for what the security chain refuses after this filter. */
    static void problem(JsonMapper json, HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), problem);
    }
}
