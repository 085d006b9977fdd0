package org.grassroots.crm.plugin.api.hosttest;

/** A test-only port, offered to synthetic test plugins by a test {@code PluginPortSource}. */
public interface Greetings {

    String greet(String name);
}
