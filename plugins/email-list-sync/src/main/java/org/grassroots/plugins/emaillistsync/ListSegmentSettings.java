package org.grassroots.plugins.emaillistsync;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.grassroots.crm.plugin.api.settings.PluginSettings;
import org.grassroots.crm.plugin.api.settings.SettingField;
import org.grassroots.crm.plugin.api.settings.SettingProblem;
import org.grassroots.crm.plugin.api.settings.SettingType;
import org.grassroots.crm.plugin.api.supporters.EmailStatus;
import org.grassroots.crm.plugin.api.supporters.Segment;

/**
 * The settings every provider has besides its connection: which supporters its list receives and when it syncs,
 * stored under the provider's key prefix (for example {@code mailchimp.segment.tags}) and labelled with its name, as
 * the form holds one such section per provider.
 *
 * @param prefix   the key prefix, for example {@code mailchimp}
 * @param provider the provider's name for the labels, for example "Mailchimp"
 */
public record ListSegmentSettings(String prefix, String provider) {

    private static final Set<String> STATE_CODES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL",
            "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE",
            "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
            "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP");

    public String tagsKey() {
        return prefix + ".segment.tags";
    }

    public String statesKey() {
        return prefix + ".segment.states";
    }

    public String petitionKey() {
        return prefix + ".segment.petition";
    }

    public String scheduleKey() {
        return prefix + ".schedule";
    }

    /** The form fields, to follow the provider's connection fields. */
    public List<SettingField> fields() {
        return List.of(
                SettingField.of(tagsKey(), provider + ": only supporters tagged", SettingType.TEXT, false)
                        .withHelp("Tag names separated by commas; a supporter with any of them is sent. Empty for all."),
                SettingField.of(statesKey(), provider + ": only supporters in states", SettingType.TEXT, false)
                        .withHelp("Two-letter state codes separated by commas, for example IA, NH, NV, SC. Empty for all."),
                SettingField.of(petitionKey(), provider + ": only signers of petition", SettingType.TEXT, false)
                        .withHelp("The petition's link name, for example save-the-river. Empty for any."),
                SettingField.of(scheduleKey(), provider + ": sync schedule", SettingType.CRON, false)
                        .withHelp("When the sync runs on its own (UTC), for example 0 0 * * * * for hourly. Empty: only by hand."));
    }

    /** The saved segment: these conditions, and only subscribed addresses are ever sent as subscribed. */
    public Segment segment(PluginSettings settings) {
        return new Segment(list(settings.get(tagsKey()).orElse("")),
                list(settings.get(statesKey()).orElse("").toUpperCase(Locale.ROOT)),
                settings.get(petitionKey()).map(String::strip).filter(s -> !s.isEmpty()).orElse(null),
                Set.of(EmailStatus.SUBSCRIBED));
    }

    /** The saved schedule, or {@code null} when the list syncs only by hand. */
    public String schedule(PluginSettings settings) {
        return settings.get(scheduleKey()).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    }

    /** Problems with the segment fields among {@code values}. */
    public List<SettingProblem> validate(Map<String, String> values) {
        List<SettingProblem> problems = new ArrayList<>();
        List<String> unknown = list(values.getOrDefault(statesKey(), "").toUpperCase(Locale.ROOT)).stream()
                .filter(code -> !STATE_CODES.contains(code)).toList();
        if (!unknown.isEmpty()) {
            problems.add(new SettingProblem(statesKey(), "Not a US state or territory code: " + String.join(", ", unknown)
                    + ". Use two-letter codes such as IA or NH."));
        }
        String petition = values.getOrDefault(petitionKey(), "").strip();
        if (!petition.isEmpty() && !petition.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            problems.add(new SettingProblem(petitionKey(),
                    "A petition link name is lower-case letters, digits and dashes, for example save-the-river."));
        }
        return problems;
    }

    private static Set<String> list(String value) {
        Set<String> items = new LinkedHashSet<>();
        Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(items::add);
        return items;
    }
}
