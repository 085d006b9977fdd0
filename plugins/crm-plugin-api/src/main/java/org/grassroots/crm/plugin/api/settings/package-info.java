/**
 * Plugin settings: the {@link org.grassroots.crm.plugin.api.settings.SettingsDescriptor} extension point that
 * declares a form, and the {@link org.grassroots.crm.plugin.api.settings.PluginSettings} port that reads the values.
 */
@NullMarked
package org.grassroots.crm.plugin.api.settings;

import org.jspecify.annotations.NullMarked;
