package org.engagebot.contacts.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The emailed code is found however people type it; anything else counts as no try at all. */
class CodeInTextTest {

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "123456|123456",
            "123 456|123456",
            "123-456|123456",
            " 123456. |123456",
            "my code is 123456|123456",
            "Code: 123 456 thanks|123456",
            "Cod: 654321|654321",
            "y cod yw 654 321 diolch|654321",
            "12345|",
            "1234567|",
            "123456 or 654321|",
            "NEW|",
            "no code here|"})
    void findsOneSixDigitCode(String typed, String expected) {
        assertThat(ConfirmAddressAction.codeIn(typed).orElse(null)).isEqualTo(expected);
    }
}
