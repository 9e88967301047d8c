package org.switchboard.queue;

public enum QueueKind {
    CALL("Call queue"), CHAT("Chat queue"), CAMPAIGN("Campaign");

    private final String label;

    QueueKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
