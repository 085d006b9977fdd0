package org.grassroots.crm.plugin.api.hosttest;

import org.grassroots.crm.plugin.api.CrmExtension;

/**
 * A test-only extension point. It lives under the plugin API package (in crm-core's test classes) because only
 * that package is shared with plugin class loaders; synthetic test plugins implement it.
 */
public interface Answering extends CrmExtension {

    String answer(String question) throws Exception;
}
