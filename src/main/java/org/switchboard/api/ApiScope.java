package org.switchboard.api;

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

    public String label() {
        return label;
    }
}
