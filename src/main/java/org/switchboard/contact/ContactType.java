package org.switchboard.contact;

public enum ContactType {
    INBOUND_CALL("Incoming Call"), CALLBACK_REQUEST("Requested Callback"), CAMPAIGN_CALL("Campaign"),
    DIRECT_CALL_IN("Direct call"), DIRECT_CALL_OUT("Outgoing call"), CHAT("Chat");

    private final String label;

    ContactType(String label) {
        this.label = label;
    }

    /** What the agent's notification says the contact is. */
    public String label() {
        return label;
    }

    public boolean isVoice() {
        return this != CHAT;
    }

    /**
     * Whether the call goes through the line the agent chose for its queue calls; a direct call
     * rings the extension it was dialed to instead.
     */
    public boolean usesChosenLine() {
        return isVoice() && this != DIRECT_CALL_IN;
    }

    /** Queue contacts count for longest-idle routing and queue metrics; direct calls do not. */
    public boolean isQueueContact() {
        return this != DIRECT_CALL_IN && this != DIRECT_CALL_OUT;
    }

    /** Callbacks and campaign calls ring the customer after the agent accepts. */
    public boolean dialsOut() {
        return this == CALLBACK_REQUEST || this == CAMPAIGN_CALL || this == DIRECT_CALL_OUT;
    }
}
