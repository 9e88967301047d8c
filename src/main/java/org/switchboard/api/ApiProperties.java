package org.switchboard.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param requestsPerSecond steady rate each API key may use on one node
 * @param burst             requests a key may send at once before the rate applies
 * @param maxBodyBytes      larger request bodies are refused with 413
 * @param maxTextLength     longer chat texts are refused with 413
 * @param maxWebhookBodyBytes larger channel webhooks (which may carry MMS images) are refused with 413
 */
@ConfigurationProperties("switchboard.api")
public record ApiProperties(@DefaultValue("50") int requestsPerSecond, @DefaultValue("100") int burst,
        @DefaultValue("65536") int maxBodyBytes, @DefaultValue("2000") int maxTextLength,
        @DefaultValue("4718592") int maxWebhookBodyBytes) {

    /** A chat text over the limit is a 413, before anything else is looked at. */
    void checkTextLength(String text) {
        if (text != null && text.length() > maxTextLength) {
            throw new ApiErrors.TooLarge("text has " + text.length() + " characters; at most " + maxTextLength + " are allowed.");
        }
    }
}
