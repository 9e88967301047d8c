package org.switchboard.contact;

import java.util.regex.Pattern;

import org.switchboard.common.ValidationException;

/** Checks and normalises what identifies a customer: a phone number or a channel handle. */
public final class CustomerAddresses {

    private static final Pattern PHONE_INPUT = Pattern.compile("\\+?[0-9 ().-]{3,25}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{3,15}");

    private CustomerAddresses() {
    }

    /** A phone number with spaces, dots, dashes and brackets removed; a clear error when malformed. */
    public static String phone(String input) {
        String trimmed = input == null ? "" : input.trim();
        String digits = trimmed.replaceAll("[ ().-]", "");
        if (!PHONE_INPUT.matcher(trimmed).matches() || !PHONE.matcher(digits).matches()) {
            throw new ValidationException("'" + abbreviate(trimmed) + "' is not a phone number: use 3 to 15 digits, "
                    + "optionally starting with +.");
        }
        return digits;
    }

    public static String forChannel(Channel channel, String input, boolean required) {
        if (input == null || input.isBlank()) {
            if (required) {
                throw new ValidationException("The customer's " + (channel == Channel.VOICE || channel == Channel.SMS
                        ? "phone number" : "address") + " is required.");
            }
            return null;
        }
        if (channel == Channel.VOICE || channel == Channel.SMS) {
            return phone(input);
        }
        String trimmed = input.trim();
        if (trimmed.length() > 100) {
            throw new ValidationException("A customer address has at most 100 characters.");
        }
        return trimmed;
    }

    static String name(String input) {
        if (input == null || input.isBlank()) {
            return null;
        }
        String trimmed = input.strip();
        if (trimmed.length() > 100) {
            throw new ValidationException("A customer name has at most 100 characters.");
        }
        return trimmed;
    }

    private static String abbreviate(String text) {
        return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }
}
