package org.grassroots.plugins.petitionimport;

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

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.plugin.api.petitions.FieldMapping;
import org.grassroots.crm.plugin.api.petitions.MappingPreset;
import org.jspecify.annotations.Nullable;

/**
 * The built-in mappings. Each maps only the columns its tool's export always has, so that it can be recognised and
 * applied as it is; the wizard's suggestions (from {@link HeaderSuggestions}) fill in optional columns. What each is
 * based on:
 * <ul>
 *   <li><b>Action Network</b>: the column names of Action Network's report and activist CSV downloads
 *       ({@code first_name}, {@code last_name}, {@code email}, {@code zip_code}, {@code can2_user_city},
 *       {@code can2_state_abbreviated}), as consumed by public scripts that read those downloads. Street address and
 *       phone ({@code can2_user_address}, {@code can2_phone}) are only in partners' downloads, so they are left to
 *       the suggestions. Not checked against a petition's own signature download.</li>
 *   <li><b>ActionKit</b>: ActionKit's documented import headers ("Uploads Reference: Accepted Headers List":
 *       {@code email}, {@code first_name}, {@code last_name}, {@code address1}, {@code city}, {@code state},
 *       {@code zip}), which ActionKit's user reports use too. Signer reports are custom SQL in ActionKit, so an
 *       export may name its columns differently.</li>
 *   <li><b>Change.org</b>: not verified against a published source. Based on the signature download petition
 *       starters describe: {@code Name}, {@code City}, {@code State}, {@code Postal Code}, {@code Signed On}, without
 *       e-mail addresses (Change.org does not share them with starters).</li>
 *   <li><b>Generic</b>: the headers of this plugin's own template, for files made by hand; never recognised
 *       automatically.</li>
 * </ul>
 */
final class Presets {

    static final String GENERIC = "generic";

    static final List<MappingPreset> ALL = List.of(
            new MappingPreset("action-network", "Action Network export", new FieldMapping(Map.of(
                    EMAIL, "email", FIRST_NAME, "first_name", LAST_NAME, "last_name", ZIP, "zip_code",
                    CITY, "can2_user_city", STATE, "can2_state_abbreviated"))),
            new MappingPreset("actionkit", "ActionKit export", new FieldMapping(Map.of(
                    EMAIL, "email", FIRST_NAME, "first_name", LAST_NAME, "last_name", ADDRESS_LINE1, "address1",
                    CITY, "city", STATE, "state", ZIP, "zip"))),
            new MappingPreset("change-org", "Change.org export", new FieldMapping(Map.of(
                    FULL_NAME, "Name", CITY, "City", STATE, "State", ZIP, "Postal Code", SIGNED_AT, "Signed On"))),
            new MappingPreset(GENERIC, "Generic CSV (Email, First Name, Last Name …)", new FieldMapping(Map.ofEntries(
                    Map.entry(EMAIL, "Email"), Map.entry(FIRST_NAME, "First Name"), Map.entry(LAST_NAME, "Last Name"),
                    Map.entry(PHONE, "Phone"), Map.entry(ADDRESS_LINE1, "Address"),
                    Map.entry(ADDRESS_LINE2, "Address 2"), Map.entry(CITY, "City"), Map.entry(STATE, "State"),
                    Map.entry(ZIP, "ZIP"), Map.entry(SIGNED_AT, "Signed At"), Map.entry(COMMENT, "Comment"),
                    Map.entry(EXTERNAL_ID, "ID"), Map.entry(OPT_IN, "Opt-in"), Map.entry(SOURCE, "Source")))));

    private Presets() {
    }

    /**
     * The id of the preset whose mapped columns all appear in {@code header} (names compared as {@link
     * Header#indexOf} does), the one mapping most columns first; never {@value #GENERIC}.
     */
    static @Nullable String matching(Header header) {
        return ALL.stream()
                .filter(preset -> !preset.id().equals(GENERIC))
                .sorted(Comparator.comparingInt((MappingPreset preset) -> preset.mapping().columns().size()).reversed())
                .filter(preset -> preset.mapping().columns().values().stream().allMatch(c -> header.indexOf(c) >= 0))
                .map(MappingPreset::id)
                .findFirst().orElse(null);
    }
}
