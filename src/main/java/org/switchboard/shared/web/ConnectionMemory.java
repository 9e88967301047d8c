package org.switchboard.shared.web;

import java.util.Collections;
import java.util.Enumeration;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletService;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.atmosphere.cpr.AtmosphereFramework;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What the server keeps per open connection. Every agent keeps a dashboard open all day, each with
 * its push WebSocket, so a few kilobytes per connection are megabytes per contact center.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionMemory {

    /** Atmosphere's per-WebSocket buffer size (Vaadin sets 16 KB). */
    static final String ATMOSPHERE_BUFFER_SIZE = "org.atmosphere.websocket.bufferSize";

    /** Tomcat's size for each of a WebSocket's five buffers (8 KB unless set). */
    static final String TOMCAT_WEBSOCKET_BUFFER_SIZE = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    /**
     * Atmosphere allocates a byte and a char buffer of this size for every WebSocket (48 KB at
     * Vaadin's 16 KB) that its Tomcat (JSR 356) connection never reads or writes: messages go
     * through Tomcat's own buffers. Set after Vaadin has configured Atmosphere, for every connection
     * opened from then on.
     */
    @Bean
    VaadinServiceInitListener smallAtmosphereBuffers() {
        return (ServiceInitEvent event) -> {
            if (event.getSource() instanceof VaadinServletService service) {
                ServletContext context = service.getServlet().getServletContext();
                Collections.list(context.getAttributeNames()).stream().map(context::getAttribute)
                        .filter(AtmosphereFramework.class::isInstance).map(AtmosphereFramework.class::cast)
                        .forEach(framework -> framework.addInitParameter(ATMOSPHERE_BUFFER_SIZE, "64"));
            }
        };
    }

    /**
     * Tomcat gives every WebSocket an input, an output and an encoding buffer and the first message
     * buffers of this size (a text one of as many chars): 48 KB at its 8 KB, held for as long as the
     * page is open. The push socket carries only server-to-client messages (the client sends over
     * XHR), and Tomcat writes longer messages in pieces of this size, so 1 KB is plenty: 6 KB in all.
     * A size given on the command line wins. Set while Tomcat is being configured, before its
     * WebSocket support reads it on start-up.
     */
    @Bean
    TomcatContextCustomizer smallWebSocketBuffers() {
        return context -> {
            if (System.getProperty(TOMCAT_WEBSOCKET_BUFFER_SIZE) == null) {
                System.setProperty(TOMCAT_WEBSOCKET_BUFFER_SIZE, "1024");
            }
        };
    }

    /**
     * Tomcat keeps the buffers of closed connections for reuse, up to 500 of them (16 KB each); a
     * morning of agents signing in would leave 8 MB parked there for the day. 50 is plenty to reuse.
     */
    @Bean
    TomcatConnectorCustomizer fewerParkedConnectionBuffers() {
        return connector -> connector.setProperty("socket.bufferPool", "50");
    }

    /**
     * Every connection has a read and a write buffer of 8 KB, an open page's push socket too, all
     * day. 4 KB each is still more than a push message or a request's headers; larger bodies and
     * responses pass in more pieces.
     */
    @Bean
    TomcatConnectorCustomizer smallerSocketBuffers() {
        return connector -> {
            connector.setProperty("socket.appReadBufSize", "4096");
            connector.setProperty("socket.appWriteBufSize", "4096");
        };
    }

    /**
     * Push messages are a few hundred bytes of changed texts; compressing them (the WebSocket
     * permessage-deflate extension) costs Tomcat a deflater, an inflater and 48 KB of buffers per
     * connection, about 300 KB with zlib's own memory, for each open page all day. Offered to the
     * push endpoint without the extension, the browser and Tomcat agree on none.
     */
    @Bean
    FilterRegistrationBean<Filter> uncompressedPush() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) ->
                chain.doFilter(request instanceof HttpServletRequest http ? new WithoutExtensions(http) : request, response));
        registration.addUrlPatterns("/VAADIN/push", "/VAADIN/push/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static final class WithoutExtensions extends HttpServletRequestWrapper {

        private static final String EXTENSIONS = "Sec-WebSocket-Extensions";

        WithoutExtensions(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return EXTENSIONS.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return EXTENSIONS.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !EXTENSIONS.equalsIgnoreCase(name)).toList());
        }
    }
}
