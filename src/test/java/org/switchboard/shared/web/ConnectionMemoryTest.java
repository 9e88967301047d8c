package org.switchboard.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The push endpoint is offered WebSocket upgrades without compression; everything else passes unchanged. */
class ConnectionMemoryTest {

    @Test
    void theUpgradeToPushReachesTomcatWithoutTheCompressionOffer() throws Exception {
        MockHttpServletRequest upgrade = new MockHttpServletRequest("GET", "/VAADIN/push");
        upgrade.addHeader("Upgrade", "websocket");
        upgrade.addHeader("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits");
        AtomicReference<ServletRequest> passedOn = new AtomicReference<>();

        new ConnectionMemory().uncompressedPush().getFilter()
                .doFilter(upgrade, new MockHttpServletResponse(), (request, response) -> passedOn.set(request));

        HttpServletRequest seen = (HttpServletRequest) passedOn.get();
        assertThat(seen.getHeader("sec-websocket-extensions")).isNull();
        assertThat(Collections.list(seen.getHeaders("Sec-WebSocket-Extensions"))).isEmpty();
        assertThat(Collections.list(seen.getHeaderNames())).containsExactly("Upgrade");
        assertThat(seen.getHeader("Upgrade")).isEqualTo("websocket");
    }
}
