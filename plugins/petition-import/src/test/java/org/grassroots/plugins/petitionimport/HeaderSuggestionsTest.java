package org.grassroots.plugins.petitionimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.ADDRESS_LINE1;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.ADDRESS_LINE2;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.CITY;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.COMMENT;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.EMAIL;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.EXTERNAL_ID;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.FIRST_NAME;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.FULL_NAME;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.LAST_NAME;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.OPT_IN;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.PHONE;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.SIGNED_AT;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.SOURCE;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.STATE;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.ZIP;

import java.util.List;
import java.util.Map;

import org.grassroots.crm.plugin.api.petitions.SignatureField;
import org.junit.jupiter.api.Test;

class HeaderSuggestionsTest {

    @Test
    void recognisesTheNamesFormsUseWhateverTheCaseAndPunctuation() {
        Map<SignatureField, String> suggested = suggest("E-mail Address", "Given Name", "SURNAME", "Mobile",
                "Street Address", "Address 2", "Town", "Province", "Postal Code", "Signed On", "Comments",
                "Signature ID", "Email Opt-In", "utm_source");

        assertThat(suggested).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry(EMAIL, "E-mail Address"), Map.entry(FIRST_NAME, "Given Name"),
                Map.entry(LAST_NAME, "SURNAME"), Map.entry(PHONE, "Mobile"),
                Map.entry(ADDRESS_LINE1, "Street Address"), Map.entry(ADDRESS_LINE2, "Address 2"),
                Map.entry(CITY, "Town"), Map.entry(STATE, "Province"), Map.entry(ZIP, "Postal Code"),
                Map.entry(SIGNED_AT, "Signed On"), Map.entry(COMMENT, "Comments"),
                Map.entry(EXTERNAL_ID, "Signature ID"), Map.entry(OPT_IN, "Email Opt-In"),
                Map.entry(SOURCE, "utm_source")));
    }

    @Test
    void readsActionNetworksColumnsButNotItsSubscriptionStatusAsConsent() {
        Map<SignatureField, String> suggested = suggest("uuid", "first_name", "last_name", "email", "zip_code",
                "can2_user_address", "can2_user_city", "can2_state_abbreviated", "can2_phone",
                "can2_subscription_status", "created_date");

        assertThat(suggested).containsExactlyInAnyOrderEntriesOf(Map.of(EMAIL, "email", FIRST_NAME, "first_name",
                LAST_NAME, "last_name", ZIP, "zip_code", ADDRESS_LINE1, "can2_user_address", CITY, "can2_user_city",
                STATE, "can2_state_abbreviated", PHONE, "can2_phone", SIGNED_AT, "created_date"));
    }

    @Test
    void eachFieldTakesTheFirstMatchingColumnAndEachColumnOneField() {
        Map<SignatureField, String> suggested = suggest("Email", "E-mail", "Date", "Timestamp", "Zip", "ZIP Code");

        assertThat(suggested).containsExactlyInAnyOrderEntriesOf(Map.of(EMAIL, "Email", SIGNED_AT, "Date", ZIP,
                "Zip"));
    }

    @Test
    void aFullNameOnlyWhenThereIsNoFirstOrLastName() {
        assertThat(suggest("Name", "Email")).containsEntry(FULL_NAME, "Name");
        assertThat(suggest("Full Name", "Last Name", "Email")).doesNotContainKey(FULL_NAME)
                .containsEntry(LAST_NAME, "Last Name");
    }

    @Test
    void leavesUnknownColumnsUnmapped() {
        assertThat(suggest("Favourite colour", "Employer", "Country")).isEmpty();
    }

    private static Map<SignatureField, String> suggest(String... headers) {
        return HeaderSuggestions.suggest(List.of(headers)).columns();
    }
}
