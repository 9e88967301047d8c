package org.switchboard.contact;

import java.util.Locale;

import org.switchboard.common.Translations;

public enum ContactType {
    INBOUND_CALL, CALLBACK_REQUEST, CAMPAIGN_CALL, DIRECT_CALL_IN, DIRECT_CALL_OUT, CHAT;

    /** The bundle key of what the agent's notification says the contact is ("Incoming Call"). */
    public String key() {
        return "contact.type." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@link #key()} in English. */
    public String label() {
        return Translations.english(key());
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
