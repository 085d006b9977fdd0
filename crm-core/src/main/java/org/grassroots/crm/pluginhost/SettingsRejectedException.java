package org.grassroots.crm.pluginhost;

import java.util.List;
import java.util.stream.Collectors;

import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.plugin.api.settings.SettingProblem;

/**
 * A settings form that cannot be saved, with one message per field at fault; nothing was saved. As an
 * {@link InvalidInputException} it names the first field, so a form that shows one message still shows it there.
 */
public class SettingsRejectedException extends InvalidInputException {

    private final String pluginId;
    private final List<SettingProblem> problems;

    public SettingsRejectedException(String pluginId, List<SettingProblem> problems) {
        super(problems.getFirst().key(), "The settings of plugin " + pluginId + " were not saved: "
                + problems.stream().map(SettingProblem::message).collect(Collectors.joining(" ")));
        this.pluginId = pluginId;
        this.problems = List.copyOf(problems);
    }

    public String pluginId() {
        return pluginId;
    }

    /** Every problem found, each naming its field's key. */
    public List<SettingProblem> problems() {
        return problems;
    }
}
