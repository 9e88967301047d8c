package org.switchboard.api;

import java.util.Locale;

/** What an API key may do; a request outside its key's scopes is refused with 403. */
public enum ApiScope {
    CALLS("Calls and callback requests (telephony)"),
    CHATS("Chats, customer messages and channel webhooks"),
    AGENTS("Agent status, accept, end and wrap-up (desk phones, CTI)"),
    READ("Read contacts, queues and live figures"),
    METRICS("Prometheus metrics (GET /actuator/prometheus)");

    private final String label;

    ApiScope(String label) {
        this.label = label;
    }

    /** What the scope allows in English, as the API says it. */
    public String label() {
        return label;
    }

    /** The bundle key of {@link #label()} on screens. */
    public String key() {
        return "api.scope." + name().toLowerCase(Locale.ROOT);
    }

    /** The bundle key of the scope's short name, where a list of keys names each key's scopes. */
    public String nameKey() {
        return key() + ".name";
    }
}
