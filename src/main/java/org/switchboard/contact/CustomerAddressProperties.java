package org.switchboard.contact;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param defaultRegion the country (ISO 3166 two-letter code, such as {@code US} or {@code DE}) whose
 *                      national format is read from a phone number typed without a leading {@code +};
 *                      empty (the default): every phone number must start with {@code +} and its
 *                      country code. Numbers are stored in E.164 ({@code +15550100}) either way.
 */
@ConfigurationProperties("switchboard.customers")
public record CustomerAddressProperties(String defaultRegion) {
}
