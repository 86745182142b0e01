package org.engagebot.staff.console;

import org.junit.jupiter.api.Test;

import java.util.ResourceBundle;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A feature's English refusal reaches the console as a whole sentence in the reader's language, the field named. */
class FeatureMessagesTest {

    @Test
    void everyRuleHasAnEnglishAndAWelshSentence() {
        for (String lang : new String[]{"en", "cy"}) {
            ResourceBundle bundle = ResourceBundle.getBundle("i18n.console", Locale.forLanguageTag(lang),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            assertThat(FeatureMessages.keys()).as(lang).allSatisfy(key -> assertThat(bundle.containsKey(key)).as(key).isTrue());
        }
    }

    @Test
    void aPastVisitDateReadsInWelshWithTheTimeWrittenTheWelshWay() {
        FeatureMessages.Said said = FeatureMessages.said("the visit cannot be scheduled in the past (Wed 1 Jan 2020, 10:00): "
                + "choose a date and time from now on", ConsoleText.CY);
        assertThat(said.text()).startsWith("Ni ellir trefnu'r ymweliad yn y gorffennol (").doesNotContain("Wed", "Jan");
        assertThat(said.field()).isEqualTo("scheduledAt");
        assertThat(FeatureMessages.said("the visit cannot be scheduled in the past (Wed 1 Jan 2020, 10:00): choose a date "
                + "and time from now on", ConsoleText.EN).text()).contains("Wed 1 Jan 2020, 10:00");
    }

    @Test
    void aValueStaysInItsPlaceInTheWelshSentence() {
        assertThat(FeatureMessages.said("attendees: \"not-an-address\" is not an email address", ConsoleText.CY))
                .isEqualTo(new FeatureMessages.Said("Nid yw not-an-address yn gyfeiriad e-bost: rhowch gyfeiriadau e-bost y "
                        + "mynychwyr, un ar bob llinell", "attendees"));
        assertThat(FeatureMessages.said("cannot move an application from received to visited (allowed: declined, "
                + "shortlisted)", ConsoleText.CY).text()).doesNotContain("received", "visited");
        assertThat(FeatureMessages.said("Another organisation's record (no organisation) already uses this email address: "
                + "merge the two records instead", ConsoleText.CY).text()).contains("(dim sefydliad)");
    }

    @Test
    void aFieldNamedInTheMessageIsTheFieldMarked() {
        assertThat(FeatureMessages.said("place is longer than 500 characters", ConsoleText.CY).field()).isEqualTo("place");
        assertThat(FeatureMessages.said("purpose is longer than 1000 characters", ConsoleText.EN))
                .isEqualTo(new FeatureMessages.Said("This answer must be 1000 characters or fewer", "purpose"));
    }

    @Test
    void aMessageNoRuleKnowsIsShownAsItCame() {
        assertThat(FeatureMessages.said("something new", ConsoleText.CY)).isEqualTo(new FeatureMessages.Said("something new", ""));
    }
}
