package org.switchboard.api;

import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Whatever under {@code /api} no endpoint takes: without this it would fall through to the Vaadin
 * servlet (an HTML page and a session) or to Spring's error page (a redirect to the login). Being the
 * least specific mapping, it only sees requests for unknown paths or with a method the path does not
 * take, and refuses them as problem+json through {@link ApiErrors}: 404, or 405 with the methods the
 * path takes.
 */
@RestController
class UnmappedApiPaths {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    UnmappedApiPaths(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @RequestMapping({"/api", "/api/**"})
    void unmapped(HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
        Set<String> allowed = new TreeSet<>();
        mappings.getObject().getHandlerMethods().forEach((mapping, handler) -> {
            if (handler.getBeanType() != UnmappedApiPaths.class && mapping.getPathPatternsCondition() != null
                    && mapping.getPathPatternsCondition().getMatchingCondition(request) != null) {
                mapping.getMethodsCondition().getMethods().forEach(method -> allowed.add(method.name()));
            }
        });
        if (!allowed.isEmpty()) {
            throw new HttpRequestMethodNotSupportedException(request.getMethod(), allowed);
        }
        throw ApiErrors.Refused.notFound("There is no API endpoint at " + request.getRequestURI() + ".");
    }
}
