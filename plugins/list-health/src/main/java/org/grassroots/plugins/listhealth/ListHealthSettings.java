package org.grassroots.plugins.listhealth;

import java.util.List;
import java.util.Map;

import org.grassroots.crm.plugin.api.settings.SettingField;
import org.grassroots.crm.plugin.api.settings.SettingProblem;
import org.grassroots.crm.plugin.api.settings.SettingType;
import org.grassroots.crm.plugin.api.settings.SettingsDescriptor;
import org.pf4j.Extension;

/** The plugin's settings: when the check runs and the bounce rate that raises an alert. */
@Extension
public class ListHealthSettings implements SettingsDescriptor {

    static final String SCHEDULE = "schedule";
    static final String BOUNCE_ALERT_PERCENT = "bounceAlertPercent";
    static final String DEFAULT_SCHEDULE = "0 0 6 * * MON";
    static final int DEFAULT_BOUNCE_ALERT_PERCENT = 2;

    @Override
    public String id() {
        return "settings";
    }

    @Override
    public String displayName() {
        return "List health";
    }

    @Override
    public List<SettingField> fields() {
        return List.of(
                SettingField.of(SCHEDULE, "Schedule", SettingType.CRON, false).withDefault(DEFAULT_SCHEDULE)
                        .withHelp("When the check runs (UTC); the default is Mondays at 06:00."),
                SettingField.of(BOUNCE_ALERT_PERCENT, "Alert when bouncing addresses exceed (%)", SettingType.INTEGER,
                        false).withDefault(Integer.toString(DEFAULT_BOUNCE_ALERT_PERCENT))
                        .withHelp("Mailbox providers start filtering lists whose bounce rate passes about 2%."));
    }

    @Override
    public List<SettingProblem> validate(Map<String, String> values) {
        String percent = values.get(BOUNCE_ALERT_PERCENT);
        if (percent != null && (Integer.parseInt(percent) < 1 || Integer.parseInt(percent) > 100)) {
            return List.of(new SettingProblem(BOUNCE_ALERT_PERCENT, "Enter a percentage from 1 to 100."));
        }
        return List.of();
    }
}
