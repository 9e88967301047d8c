package org.switchboard.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.switchboard.common.ValidationException;

/** Phone numbers enter as people write them and are stored in E.164, so one customer stays one customer. */
class CustomerAddressesTest {

    private final CustomerAddresses international = new CustomerAddresses(new CustomerAddressProperties(null));

    @Test
    void oneNumberWrittenInDifferentWaysIsOneE164Number() {
        assertThat(international.phone("+1 555 0123")).isEqualTo("+15550123");
        assertThat(international.phone("+15550123")).isEqualTo("+15550123");
        assertThat(international.phone(" +1 (555) 010-0199 ")).isEqualTo("+15550100199");
        assertThat(international.phone("+44 20 7946 0000")).isEqualTo("+442079460000");
        // the national trunk prefix some people keep after the country code is not part of the number
        assertThat(international.phone("+44 (0)20 7946 0000")).isEqualTo("+442079460000");
    }

    @Test
    void withoutADefaultRegionANumberNeedsItsCountryCode() {
        assertThatThrownBy(() -> international.phone("555 0123")).isInstanceOf(ValidationException.class)
                .hasMessage("'555 0123' is not a phone number: write it with + and the country code, such as +44 20 7946 0000.");
    }

    @Test
    void aDefaultRegionReadsNationalNumbersOfThatCountry() {
        CustomerAddresses german = new CustomerAddresses(new CustomerAddressProperties(" de "));
        assertThat(german.phone("030 1234567")).isEqualTo("+49301234567");
        assertThat(german.phone("+1 555 0123")).isEqualTo("+15550123");
        assertThatThrownBy(() -> german.phone("1")).isInstanceOf(ValidationException.class)
                .hasMessage("'1' is not a phone number: write it with + and the country code, or as a number of DE.");
    }

    @Test
    void whatCannotBeAPhoneNumberIsRefusedClearly() {
        for (String wrong : new String[] {"", "   ", "+1 555 02", "hello", "+1 555 0123 ext. 5", "1-800-FLOWERS",
                "+999 1234567", "+1 555 0123 0123 0123 0123 0123 0123 0123 0123"}) {
            assertThatThrownBy(() -> international.phone(wrong)).as(wrong).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("is not a phone number");
        }
        assertThatThrownBy(() -> international.phone("+1 555 0123 0123 0123 0123 0123 0123 0123 0123"))
                .hasMessageContaining("'+1 555 0123 0123 0123 0123 012…'");
    }

    @Test
    void anUnknownDefaultRegionStopsTheStartWithTheSettingsName() {
        assertThatThrownBy(() -> new CustomerAddresses(new CustomerAddressProperties("XX")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("switchboard.customers.default-region");
    }

    @Test
    void phoneChannelsNeedANumberAndOtherChannelsKeepTheirHandle() {
        assertThat(international.forChannel(Channel.SMS, "+1 555 0123", true)).isEqualTo("+15550123");
        assertThat(international.forChannel(Channel.FACEBOOK, " ada.lovelace ", true)).isEqualTo("ada.lovelace");
        assertThat(international.forChannel(Channel.VOICE, " ", false)).isNull();
        assertThatThrownBy(() -> international.forChannel(Channel.VOICE, null, true))
                .hasMessage("The customer's phone number is required.");
    }
}
