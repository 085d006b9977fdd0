package org.grassroots.plugins.emaillistsync.mailchimp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.plugin.api.settings.SettingField;
import org.grassroots.crm.plugin.api.settings.SettingProblem;
import org.grassroots.plugins.emaillistsync.ListSegmentSettings;

/** The Mailchimp section of the plugin's settings form: its connection fields, then its segment and schedule. */
public final class MailchimpSettings {

    public static final ListSegmentSettings SEGMENT = new ListSegmentSettings("mailchimp");

    private MailchimpSettings() {
    }

    public static List<SettingField> fields() {
        List<SettingField> fields = new ArrayList<>();
        // TODO(helper): the connection fields go first
        fields.addAll(SEGMENT.fields());
        return fields;
    }

    public static List<SettingProblem> validate(Map<String, String> values) {
        List<SettingProblem> problems = new ArrayList<>();
        problems.addAll(SEGMENT.validate(values));
        return problems;
    }
}
