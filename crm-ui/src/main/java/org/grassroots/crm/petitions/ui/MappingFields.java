package org.grassroots.crm.petitions.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import org.grassroots.crm.plugin.api.petitions.FieldMapping;
import org.grassroots.crm.plugin.api.petitions.FilePreview;
import org.grassroots.crm.plugin.api.petitions.MappingPreset;
import org.grassroots.crm.plugin.api.petitions.SignatureField;
import org.jspecify.annotations.Nullable;

/**
 * Which column feeds which field: one choice of the file's headers per field, filled from the reader's suggestion,
 * a mapping saved by an earlier import, or one of the reader's presets (a preset maps what its tool always exports;
 * the suggestion fills in the rest).
 */
class MappingFields extends Div {

    static final String SUGGESTED = "Suggested from the file's headers";

    /**
     * One entry of the mapping choice.
     *
     * @param sourceName the source name it brings along (the saved mapping's, the preset's), or null
     */
    record Choice(String label, @Nullable String sourceName, @Nullable String presetId, FieldMapping mapping) {
    }

    final Select<Choice> choice = new Select<>();
    final Map<SignatureField, ComboBox<String>> columns = new EnumMap<>(SignatureField.class);
    final Paragraph missing = new Paragraph();
    private final Map<String, FieldMapping> saved;
    private final Consumer<String> onSourceChosen;
    private @Nullable FilePreview preview;

    MappingFields(Map<String, FieldMapping> saved, Consumer<String> onSourceChosen, Runnable onChange) {
        this.saved = saved;
        this.onSourceChosen = onSourceChosen;
        addClassName("import-fields");
        choice.setLabel("Saved or preset mapping");
        choice.setItemLabelGenerator(Choice::label);
        choice.addClassName("import-mapping-choice");
        choice.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                apply(e.getValue());
                onChange.run();
            }
        });
        missing.addClassName("import-missing-columns");
        missing.setVisible(false);

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30rem", 2),
                new ResponsiveStep("52rem", 3));
        for (SignatureField field : SignatureField.values()) {
            ComboBox<String> column = new ComboBox<>(field.label());
            column.setClearButtonVisible(true);
            column.setPlaceholder("Not imported");
            column.addValueChangeListener(e -> {
                column.setInvalid(false);
                if (e.isFromClient()) {
                    onChange.run();
                }
            });
            columns.put(field, column);
            form.add(column);
        }
        ComboBox<String> email = columns.get(SignatureField.EMAIL);
        email.setRequiredIndicatorVisible(true);
        email.setHelperText("Required: supporters are matched by e-mail.");
        columns.get(SignatureField.FULL_NAME).setHelperText("Split into first and last name at the last space.");
        columns.get(SignatureField.OPT_IN).setHelperText("Read when consent comes from the opt-in column.");
        columns.get(SignatureField.SOURCE).setHelperText("A source per row, e.g. a referrer.");
        add(choice, missing, form);
    }

    /**
     * A new preview: its headers to choose from, and a mapping applied: with {@code keepChoice} (the same file read
     * again) the one chosen before, else the matching preset, else the suggestion.
     */
    void show(FilePreview shown, List<MappingPreset> presets, boolean keepChoice) {
        String before = keepChoice && choice.getValue() != null ? choice.getValue().label() : null;
        this.preview = shown;
        columns.values().forEach(column -> column.setItems(shown.headers()));
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(SUGGESTED, null, null, shown.suggested()));
        saved.forEach((source, mapping) -> choices.add(new Choice("Saved: " + source, source, null, mapping)));
        presets.forEach(preset -> choices.add(new Choice("Preset: " + preset.name(), preset.name(), preset.id(),
                overlay(shown.suggested(), preset.mapping()))));
        choice.setItems(choices);
        Choice initial = choices.stream().filter(c -> c.label().equals(before)).findFirst()
                .or(() -> choices.stream().filter(c -> c.presetId() != null
                        && c.presetId().equals(shown.matchingPreset())).findFirst())
                .orElse(choices.getFirst());
        choice.setValue(initial);
        apply(initial);
    }

    /** The columns chosen, by field. */
    FieldMapping mapping() {
        Map<SignatureField, String> chosen = new EnumMap<>(SignatureField.class);
        columns.forEach((field, column) -> {
            if (column.getValue() != null) {
                chosen.put(field, column.getValue());
            }
        });
        return new FieldMapping(chosen);
    }

    /** Whether e-mail is mapped; marks the field when it is not. */
    boolean checkEmailMapped() {
        ComboBox<String> email = columns.get(SignatureField.EMAIL);
        if (email.getValue() == null) {
            email.setErrorMessage("Choose the column with the e-mail addresses: supporters are matched by them.");
            email.setInvalid(true);
            return false;
        }
        return true;
    }

    private void apply(Choice chosen) {
        List<String> absent = new ArrayList<>();
        columns.forEach((field, column) -> {
            String wanted = chosen.mapping().column(field).orElse(null);
            Optional<String> inFile = wanted == null ? Optional.empty() : headerFor(wanted);
            column.setValue(inFile.orElse(null));
            if (wanted != null && inFile.isEmpty()) {
                absent.add(field.label() + " (“" + wanted + "”)");
            }
        });
        missing.setText(absent.isEmpty() ? "" : "Not in this file, so not imported: " + String.join(", ", absent)
                + ".");
        missing.setVisible(!absent.isEmpty());
        if (chosen.sourceName() != null) {
            onSourceChosen.accept(chosen.sourceName());
        }
    }

    /** The file's header called {@code column}: the exact name, else the one that differs only in case or spaces. */
    private Optional<String> headerFor(String column) {
        List<String> headers = preview == null ? List.of() : preview.headers();
        if (headers.contains(column)) {
            return Optional.of(column);
        }
        String wanted = column.strip().toLowerCase(Locale.ROOT);
        List<String> alike = headers.stream().filter(h -> h.strip().toLowerCase(Locale.ROOT).equals(wanted)).toList();
        return alike.size() == 1 ? Optional.of(alike.getFirst()) : Optional.empty();
    }

    /** The suggestion with the preset's columns laid over it. */
    private static FieldMapping overlay(FieldMapping suggested, FieldMapping preset) {
        Map<SignatureField, String> both = new EnumMap<>(SignatureField.class);
        both.putAll(suggested.columns());
        both.putAll(preset.columns());
        return new FieldMapping(both);
    }
}
