package org.grassroots.crm.plugin.api.settings;

/** How the host renders, validates and stores one setting. */
public enum SettingType {
    /** A single line of text. */
    TEXT,
    /** Several lines of text. */
    MULTILINE,
    /** A secret such as an API key: encrypted at rest, never shown again after saving, never logged or audited. */
    SECRET,
    /** An absolute {@code http} or {@code https} URL. */
    URL,
    /** A whole number. */
    INTEGER,
    /** On or off; stored as {@code true} or {@code false}. */
    BOOLEAN,
    /** One of {@link SettingField#choices()}. */
    CHOICE,
    /**
     * A Spring-style six-field cron expression ({@code second minute hour day month weekday}), for example
     * {@code 0 0 3 * * *} for 03:00 every day; an empty value means "not scheduled".
     */
    CRON
}
