package org.switchboard.contact;

import java.util.Locale;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.switchboard.common.ValidationException;

/**
 * Checks and normalises what identifies a customer: a phone number or a channel handle. Phone numbers
 * are stored in E.164 ({@code +15550100}), so one customer writing "+1 555 0100" and "+15550100" is
 * one customer and stays in one chat.
 */
@Component
@EnableConfigurationProperties(CustomerAddressProperties.class)
public class CustomerAddresses {

    /** Longer input is not a phone number, and libphonenumber need not look at it. */
    private static final int MAX_PHONE_INPUT = 40;

    private final PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
    private final String region;

    CustomerAddresses(CustomerAddressProperties properties) {
        String configured = properties.defaultRegion() == null ? "" : properties.defaultRegion().trim().toUpperCase(Locale.ROOT);
        if (!configured.isEmpty() && !numbers.getSupportedRegions().contains(configured)) {
            throw new IllegalStateException("switchboard.customers.default-region: '" + configured
                    + "' is not a country code such as US or DE.");
        }
        this.region = configured.isEmpty() ? null : configured;
    }

    /** A phone number in E.164; a clear error when it cannot be one. */
    public String phone(String input) {
        String trimmed = input == null ? "" : input.strip();
        PhoneNumber number = trimmed.length() > MAX_PHONE_INPUT ? null : parse(trimmed);
        if (number == null) {
            throw region == null || trimmed.startsWith("+")
                    ? new ValidationException("contact.error.not-a-phone-number", abbreviate(trimmed))
                    : new ValidationException("contact.error.not-a-phone-number-in-region", abbreviate(trimmed), region);
        }
        return numbers.format(number, PhoneNumberFormat.E164);
    }

    /**
     * The number when it has a possible length for its country. Possible, not valid: the demo's and
     * the tests' fictional +1 555 numbers are in no numbering plan, and a contact center must not
     * refuse a customer's number because the library's plan is older than the number.
     */
    private PhoneNumber parse(String input) {
        if (!input.matches("\\+?[0-9 ().-]+")) {
            return null;
        }
        try {
            PhoneNumber number = numbers.parse(input, region == null ? "ZZ" : region);
            return numbers.isPossibleNumber(number) ? number : null;
        } catch (NumberParseException notANumber) {
            return null;
        }
    }

    public String forChannel(Channel channel, String input, boolean required) {
        if (input == null || input.isBlank()) {
            if (required) {
                throw new ValidationException(channel == Channel.VOICE || channel == Channel.SMS
                        ? "contact.error.phone-required" : "contact.error.address-required");
            }
            return null;
        }
        if (channel == Channel.VOICE || channel == Channel.SMS) {
            return phone(input);
        }
        String trimmed = input.trim();
        if (trimmed.length() > 100) {
            throw new ValidationException("contact.error.address-too-long");
        }
        return trimmed;
    }

    static String name(String input) {
        if (input == null || input.isBlank()) {
            return null;
        }
        String trimmed = input.strip();
        if (trimmed.length() > 100) {
            throw new ValidationException("contact.error.name-too-long");
        }
        return trimmed;
    }

    private static String abbreviate(String text) {
        return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }
}
