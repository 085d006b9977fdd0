package org.grassroots.crm.plugin.api;

/**
 * The version of this plugin API, which is also the "system version" the host checks a plugin's
 * {@code Plugin-Requires} range against.
 *
 * <p>The version follows semantic versioning: a new minor version only adds types or default methods, so a plugin
 * built against {@code 1.0.0} runs on any {@code 1.x} host. Declare {@code Plugin-Requires: >=1.0.0 & <2.0.0}
 * (pf4j's expression syntax) in the plugin manifest or {@code plugin.properties}; the host refuses a plugin whose
 * range it does not satisfy, or which declares no range at all.
 */
public final class PluginApi {

    /** The version of this API, {@code major.minor.patch}. */
    public static final String VERSION = "1.2.0";

    /** The package prefix every API type lives under; the host loads these classes once, for all plugins. */
    public static final String PACKAGE_PREFIX = "org.grassroots.crm.plugin.api.";

    private PluginApi() {
    }
}
