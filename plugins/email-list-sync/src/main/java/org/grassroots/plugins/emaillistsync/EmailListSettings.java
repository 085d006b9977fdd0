package org.grassroots.plugins.emaillistsync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.plugin.api.settings.SettingField;
import org.grassroots.crm.plugin.api.settings.SettingProblem;
import org.grassroots.crm.plugin.api.settings.SettingsDescriptor;
import org.grassroots.plugins.emaillistsync.mailchimp.MailchimpSettings;
import org.grassroots.plugins.emaillistsync.mailman.MailmanSettings;
import org.pf4j.Extension;

/** The plugin's one settings form: a Mailchimp section and a Mailman section, each with its segment and schedule. */
@Extension
public class EmailListSettings implements SettingsDescriptor {

    @Override
    public String id() {
        return "settings";
    }

    @Override
    public String displayName() {
        return "Email list sync";
    }

    @Override
    public List<SettingField> fields() {
        List<SettingField> fields = new ArrayList<>(MailchimpSettings.fields());
        fields.addAll(MailmanSettings.fields());
        return fields;
    }

    @Override
    public List<SettingProblem> validate(Map<String, String> values) {
        List<SettingProblem> problems = new ArrayList<>(MailchimpSettings.validate(values));
        problems.addAll(MailmanSettings.validate(values));
        return problems;
    }
}
