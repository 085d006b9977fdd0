package org.grassroots.crm.petitions.ui;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.petitions.ImportUpload;
import org.grassroots.crm.petitions.PetitionImportService;
import org.grassroots.crm.petitions.SignatureFileReader;
import org.grassroots.crm.plugin.api.PluginUnavailableException;
import org.grassroots.crm.plugin.api.petitions.CsvOptions;
import org.grassroots.crm.plugin.api.petitions.FieldMapping;
import org.grassroots.crm.plugin.api.petitions.FilePreview;
import org.grassroots.crm.plugin.api.petitions.OptInPolicy;
import org.grassroots.crm.plugin.api.petitions.SignatureField;
import org.jspecify.annotations.Nullable;

/**
 * Step 2: the file's first rows as the reader sees them (encoding and delimiter detected, or chosen, which reads
 * the preview again), which column feeds which field, the source name, how e-mail consent is treated, and whether
 * empty fields of existing supporters are filled. Every change is reported, so a finished dry run can be discarded.
 */
class MappingStep extends Card {

    /** The encodings offered; Detect leaves it to the reader. */
    enum Encoding {
        DETECT("Detect", null), UTF_8("UTF-8", StandardCharsets.UTF_8),
        WINDOWS_1252("Windows-1252", Charset.forName("windows-1252")),
        ISO_8859_1("ISO-8859-1", StandardCharsets.ISO_8859_1);

        final String label;
        final @Nullable Charset charset;

        Encoding(String label, @Nullable Charset charset) {
            this.label = label;
            this.charset = charset;
        }
    }

    /** The column separators offered; Detect leaves it to the reader. */
    enum Delimiter {
        DETECT("Detect", null), COMMA("Comma", ','), SEMICOLON("Semicolon", ';'), TAB("Tab", '\t');

        final String label;
        final @Nullable Character character;

        Delimiter(String label, @Nullable Character character) {
            this.label = label;
            this.character = character;
        }

        static String nameOf(char delimiter) {
            for (Delimiter d : values()) {
                if (d.character != null && d.character == delimiter) {
                    return d.label.toLowerCase(Locale.ROOT) + "s";
                }
            }
            return "'" + delimiter + "'";
        }
    }

    /** What the import needs from this step. */
    record Choices(CsvOptions options, List<String> headers, FieldMapping mapping, String source,
            OptInPolicy optInPolicy, boolean fillBlankFields) {
    }

    final Select<Encoding> encoding = new Select<>();
    final Select<Delimiter> delimiter = new Select<>();
    final Paragraph readAs = new Paragraph();
    final Paragraph readError = new Paragraph();
    final Grid<List<String>> rows = new Grid<>();
    final MappingFields fields;
    final TextField source = new TextField("Source name");
    final RadioButtonGroup<OptInPolicy> optIn = new RadioButtonGroup<>("E-mail consent");
    final Checkbox fillBlankFields = new Checkbox("Fill empty fields of existing supporters");
    private final PetitionImportService imports;
    private final Runnable onChange;
    private final Div mapping = new Div();
    private @Nullable FilePreview preview;
    private @Nullable ImportUpload upload;
    private @Nullable SignatureFileReader reader;

    MappingStep(PetitionImportService imports, Runnable onChange) {
        this.imports = imports;
        this.onChange = onChange;
        addClassName("import-step");
        setTitle("2. Preview and mapping");
        fields = new MappingFields(imports.savedMappings(), source::setValue, onChange);

        encoding.setLabel("Encoding");
        encoding.setItems(Encoding.values());
        encoding.setItemLabelGenerator(e -> e.label);
        encoding.setValue(Encoding.DETECT);
        delimiter.setLabel("Delimiter");
        delimiter.setItems(Delimiter.values());
        delimiter.setItemLabelGenerator(d -> d.label);
        delimiter.setValue(Delimiter.DETECT);
        encoding.addValueChangeListener(e -> rereadIfFromClient(e.isFromClient()));
        delimiter.addValueChangeListener(e -> rereadIfFromClient(e.isFromClient()));
        HorizontalLayout options = new HorizontalLayout(encoding, delimiter, readAs);
        options.setAlignItems(FlexComponent.Alignment.BASELINE);
        options.setWrap(true);
        readAs.addClassName("import-read-as");
        readError.addClassNames("import-error", "import-read-error");
        readError.setVisible(false);

        rows.addClassName("import-preview");
        rows.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.COLUMN_BORDERS);
        rows.setAllRowsVisible(true);

        source.setRequired(true);
        source.setMaxLength(100);
        source.setPlaceholder("e.g. Action Network, our website");
        source.setHelperText("Recorded on the new supporters and signatures; this mapping is saved under this name.");
        source.addValueChangeListener(e -> {
            source.setInvalid(false);
            onChange.run();
        });
        optIn.setItems(OptInPolicy.values());
        optIn.setItemLabelGenerator(MappingStep::explain);
        optIn.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL, RadioGroupVariant.HELPER_ABOVE);
        optIn.setRequiredIndicatorVisible(true);
        optIn.setHelperText("Whatever you choose, an address that unsubscribed, bounced or complained is never"
                + " subscribed again.");
        optIn.addValueChangeListener(e -> {
            optIn.setInvalid(false);
            onChange.run();
        });
        fillBlankFields.setHelperText("For supporters already in the CRM, take the file's phone, address or name only"
                + " where theirs is empty. Nothing on file is overwritten.");
        fillBlankFields.addValueChangeListener(e -> onChange.run());

        mapping.addClassName("import-mapping");
        mapping.add(new H4("First rows"), rows, new H4("Columns"), fields, source, optIn, fillBlankFields);
        add(options, readError, mapping);
    }

    /** Reads a new file's preview with detection switched back on; false when the file cannot be read. */
    boolean read(ImportUpload file, SignatureFileReader fileReader) {
        this.upload = file;
        this.reader = fileReader;
        encoding.setValue(Encoding.DETECT);
        delimiter.setValue(Delimiter.DETECT);
        return reread(false);
    }

    boolean isReadable() {
        return preview != null;
    }

    /** The choices, or empty with the missing ones marked beside their fields. */
    Optional<Choices> choices() {
        if (preview == null) {
            return Optional.empty();
        }
        boolean complete = fields.checkEmailMapped();
        if (source.getValue().isBlank()) {
            source.setErrorMessage("Name the source, for example Action Network.");
            source.setInvalid(true);
            complete = false;
        }
        OptInPolicy policy = optIn.getValue();
        if (policy == null) {
            optIn.setErrorMessage("Choose how to treat e-mail consent.");
            optIn.setInvalid(true);
            complete = false;
        } else if (policy == OptInPolicy.FROM_COLUMN && fields.mapping().column(SignatureField.OPT_IN).isEmpty()) {
            optIn.setErrorMessage("Map the E-mail opt-in column above, or choose another option.");
            optIn.setInvalid(true);
            complete = false;
        }
        if (!complete) {
            return Optional.empty();
        }
        return Optional.of(new Choices(new CsvOptions(preview.charset(), preview.delimiter()), preview.headers(),
                fields.mapping(), source.getValue().strip(), policy, fillBlankFields.getValue()));
    }

    private void rereadIfFromClient(boolean fromClient) {
        if (fromClient && upload != null) {
            reread(true);
            onChange.run();
        }
    }

    private boolean reread(boolean sameFile) {
        try {
            show(imports.preview(upload, reader, new CsvOptions(encoding.getValue().charset,
                    delimiter.getValue().character)), sameFile);
            readError.setVisible(false);
        } catch (InvalidInputException refused) {
            preview = null;
            readError.setText(refused.getMessage() + " Try another encoding or delimiter, or upload another file.");
            readError.setVisible(true);
        } catch (PluginUnavailableException failed) {
            preview = null;
            readError.setText(failed.getMessage() + ". An admin can restart it on the Plugins screen.");
            readError.setVisible(true);
        }
        mapping.setVisible(preview != null);
        readAs.setVisible(preview != null);
        return preview != null;
    }

    private void show(FilePreview shown, boolean sameFile) {
        preview = shown;
        readAs.setText("Read as " + shown.charset().displayName() + ", separated by "
                + Delimiter.nameOf(shown.delimiter()) + ": " + shown.headers().size() + " columns.");
        rows.removeAllColumns();
        List<String> headers = shown.headers();
        for (int i = 0; i < headers.size(); i++) {
            int column = i;
            rows.addColumn(row -> column < row.size() ? row.get(column) : "").setHeader(headers.get(i))
                    .setWidth("9rem").setFlexGrow(1).setResizable(true)
                    .setTooltipGenerator(row -> column < row.size() ? row.get(column) : "");
        }
        rows.setItems(shown.rows());
        fields.show(shown, reader.presets(), sameFile);
    }

    /** The three consent policies in plain words. */
    static String explain(OptInPolicy policy) {
        return switch (policy) {
            case FROM_COLUMN -> "From the opt-in column: subscribe the signers whose opt-in says yes (yes, y, 1, x"
                    + " …); leave the others as they are";
            case ALL_OPTED_IN -> "Everyone opted in: the form required consent, so subscribe every signer";
            case NEVER -> "Nobody: change no one's subscription; new addresses are kept without one";
        };
    }
}
