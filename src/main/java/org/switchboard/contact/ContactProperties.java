package org.switchboard.contact;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param ringTime          how long the customer's phone rings before a callback, campaign or outgoing call connects
 * @param directOfferTimeout how long a direct call rings at the agent before it counts as missed
 */
@ConfigurationProperties("switchboard.contacts")
public record ContactProperties(@DefaultValue("5s") Duration ringTime, @DefaultValue("20s") Duration directOfferTimeout) {
}
