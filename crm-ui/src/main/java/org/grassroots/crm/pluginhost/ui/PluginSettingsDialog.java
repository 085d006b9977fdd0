package org.grassroots.crm.pluginhost.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.grassroots.crm.plugin.api.PluginUnavailableException;
import org.grassroots.crm.plugin.api.settings.SettingField;
import org.grassroots.crm.plugin.api.settings.SettingProblem;
import org.grassroots.crm.plugin.api.settings.SettingsDescriptor;
import org.grassroots.crm.pluginhost.PluginCalls;
import org.grassroots.crm.pluginhost.PluginExtension;
import org.grassroots.crm.pluginhost.PluginSettingsService;
import org.grassroots.crm.pluginhost.SettingValue;
import org.grassroots.crm.pluginhost.SettingsRejectedException;
import org.grassroots.crm.ui.Feedback;

/**
 * A plugin's settings form, rendered from its {@link SettingsDescriptor}: one field per setting, secrets as password
 * fields that never show the saved value. Saving checks everything and stores all or nothing.
 */
class PluginSettingsDialog extends Dialog {

    private final String pluginId;
    private final PluginExtension<SettingsDescriptor> descriptor;
    private final PluginCalls calls;
    private final PluginSettingsService settings;
    private final Runnable onSaved;
    private final List<SettingField> fields;
    private final Map<String, AbstractField<?, ?>> inputs = new LinkedHashMap<>();
    private final Map<String, String> shown = new LinkedHashMap<>();

    private PluginSettingsDialog(String pluginId, PluginExtension<SettingsDescriptor> descriptor, PluginCalls calls,
            PluginSettingsService settings, Runnable onSaved) {
        this.pluginId = pluginId;
        this.descriptor = descriptor;
        this.calls = calls;
        this.settings = settings;
        this.onSaved = onSaved;
        this.fields = calls.call(descriptor, "list its settings", SettingsDescriptor::fields);
        setHeaderTitle("Settings of " + pluginId);
        setWidth("min(40rem, 95vw)");

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        for (SettingValue value : settings.form(pluginId, fields).fields()) {
            form.add(input(value));
        }
        Button save = new Button("Save", event -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button("Cancel", event -> close()), save);
        add(form);
    }

    private Component input(SettingValue value) {
        SettingField field = value.field();
        AbstractField<?, ?> input = switch (field.type()) {
            case SECRET -> secret(value);
            case MULTILINE -> new TextArea(field.label());
            case BOOLEAN -> new Checkbox(field.label());
            case CHOICE -> {
                Select<String> select = new Select<>();
                select.setLabel(field.label());
                select.setItems(field.choices());
                select.setEmptySelectionAllowed(!field.required());
                yield select;
            }
            case CRON -> withHelp(new TextField(field.label()),
                    "Six fields: second minute hour day month weekday, in UTC; empty for no schedule.");
            case INTEGER, URL, TEXT -> new TextField(field.label());
        };
        String current = value.value() == null ? "" : value.value();
        shown.put(field.key(), current);
        set(input, current);
        if (field.help() != null && input instanceof com.vaadin.flow.component.HasHelper helper) {
            helper.setHelperText(field.help());
        }
        input.setRequiredIndicatorVisible(field.required());
        if (value.problem() != null && input instanceof HasValidation validation) {
            validation.setErrorMessage(value.problem());
            validation.setInvalid(true);
        }
        inputs.put(field.key(), input);
        return input;
    }

    private AbstractField<?, ?> secret(SettingValue value) {
        PasswordField secret = new PasswordField(value.field().label());
        secret.setRevealButtonVisible(false);
        if (value.hasValue()) {
            secret.setPlaceholder("Saved (leave empty to keep it)");
            Button clear = new Button("Clear", event -> {
                settings.clearSecret(pluginId, value.field().key());
                secret.setPlaceholder("Not set");
                event.getSource().setVisible(false);
                Feedback.success(value.field().label() + " was cleared.");
            });
            clear.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            secret.setSuffixComponent(clear);
        }
        return secret;
    }

    private void save() {
        Map<String, String> changes = new LinkedHashMap<>();
        inputs.forEach((key, input) -> {
            String entered = text(input);
            if (!Objects.equals(entered, shown.get(key)) || (input instanceof PasswordField && !entered.isEmpty())) {
                changes.put(key, entered);
            }
            if (input instanceof HasValidation validation) {
                validation.setInvalid(false);
            }
        });
        try {
            settings.save(pluginId, fields, changes,
                    values -> calls.call(descriptor, "check its settings", d -> d.validate(values)));
            Feedback.success("Saved the settings of " + pluginId + ".");
            onSaved.run();
            close();
        } catch (SettingsRejectedException rejected) {
            for (SettingProblem problem : rejected.problems()) {
                if (inputs.get(problem.key()) instanceof HasValidation validation) {
                    validation.setErrorMessage(problem.message());
                    validation.setInvalid(true);
                } else {
                    Feedback.error(problem.message());
                }
            }
        } catch (PluginUnavailableException failed) {
            Feedback.error(failed.getMessage());
            onSaved.run();
            close();
        }
    }

    private static TextField withHelp(TextField field, String help) {
        field.setHelperText(help);
        return field;
    }

    @SuppressWarnings("unchecked")
    private static void set(AbstractField<?, ?> input, String value) {
        if (input instanceof Checkbox checkbox) {
            checkbox.setValue(Boolean.parseBoolean(value));
        } else if (input instanceof Select<?> select) {
            ((Select<String>) select).setValue(value.isEmpty() ? null : value);
        } else {
            ((AbstractField<?, String>) input).setValue(value);
        }
    }

    private static String text(AbstractField<?, ?> input) {
        Object value = input.getValue();
        return value == null ? "" : value.toString().strip();
    }

    /** Opens the dialog for a running plugin; a Spring bean so the Plugins screen needs one dependency for it. */
    @org.springframework.stereotype.Component
    static class Opener {

        private final PluginCalls calls;
        private final PluginSettingsService settings;

        Opener(PluginCalls calls, PluginSettingsService settings) {
            this.calls = calls;
            this.settings = settings;
        }

        void open(String pluginId, Runnable onSaved) {
            try {
                calls.extensions(SettingsDescriptor.class).stream()
                        .filter(extension -> extension.pluginId().equals(pluginId)).findFirst()
                        .ifPresentOrElse(
                                descriptor -> new PluginSettingsDialog(pluginId, descriptor, calls, settings, onSaved)
                                        .open(),
                                () -> Feedback.error(pluginId + " is not running, so its settings cannot be shown."));
            } catch (PluginUnavailableException failed) {
                Feedback.error(failed.getMessage());
                onSaved.run();
            }
        }
    }
}
