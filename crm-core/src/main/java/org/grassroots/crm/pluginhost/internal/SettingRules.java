package org.grassroots.crm.pluginhost.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import org.grassroots.crm.plugin.api.settings.SettingField;
import org.grassroots.crm.plugin.api.settings.SettingType;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.support.CronExpression;

/** The checks the host makes on a setting's value before the plugin's own {@code validate}. */
public final class SettingRules {

    /** The longest value any setting may hold, in characters. */
    public static final int MAX_LENGTH = 65_536;

    private SettingRules() {
    }

    /**
     * The value as it is stored: surrounding white space removed (except in a multi-line text, where only an
     * all-blank value counts as empty), {@code true}/{@code false} lower-case; empty for no value.
     */
    public static String normalise(SettingField field, @Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        return switch (field.type()) {
            case MULTILINE -> raw;
            case BOOLEAN -> raw.strip().toLowerCase(Locale.ROOT);
            default -> raw.strip();
        };
    }

    /** Why a non-empty, normalised value does not fit the field, in words for the admin; empty if it fits. */
    public static Optional<String> problem(SettingField field, String value) {
        if (value.length() > MAX_LENGTH) {
            return Optional.of(field.label() + " is too long: at most " + MAX_LENGTH + " characters.");
        }
        return switch (field.type()) {
            case TEXT -> value.contains("\n") || value.contains("\r")
                    ? Optional.of(field.label() + " must be a single line.") : Optional.empty();
            // a secret may be a PEM key or a service account's JSON
            case MULTILINE, SECRET -> Optional.empty();
            case INTEGER -> integer(field, value);
            case URL -> url(field, value);
            case BOOLEAN -> value.equals("true") || value.equals("false") ? Optional.empty()
                    : Optional.of(field.label() + " must be true or false.");
            case CHOICE -> field.choices().contains(value) ? Optional.empty()
                    : Optional.of(field.label() + " must be one of: " + String.join(", ", field.choices()) + ".");
            case CRON -> cron(field, value);
        };
    }

    private static Optional<String> integer(SettingField field, String value) {
        try {
            Integer.parseInt(value);
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of(field.label() + " must be a whole number between " + Integer.MIN_VALUE + " and "
                    + Integer.MAX_VALUE + ".");
        }
    }

    private static Optional<String> url(SettingField field, String value) {
        String problem = field.label() + " must be an absolute http or https address, like https://example.org/api.";
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            return web && uri.isAbsolute() && uri.getHost() != null ? Optional.empty() : Optional.of(problem);
        } catch (URISyntaxException e) {
            return Optional.of(problem);
        }
    }

    private static Optional<String> cron(SettingField field, String value) {
        try {
            CronExpression.parse(value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(field.label() + " is not a cron expression (" + e.getMessage()
                    + "). Use six fields: second minute hour day month weekday, for example 0 0 3 * * *.");
        }
    }

    /** Whether a type is stored encrypted. */
    public static boolean secret(SettingField field) {
        return field.type() == SettingType.SECRET;
    }
}
