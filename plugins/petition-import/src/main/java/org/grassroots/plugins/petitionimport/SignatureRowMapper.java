package org.grassroots.plugins.petitionimport;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvRecord;
import org.grassroots.crm.plugin.api.petitions.FieldMapping;
import org.grassroots.crm.plugin.api.petitions.ImportedSignature;
import org.grassroots.crm.plugin.api.petitions.RejectedRow;
import org.grassroots.crm.plugin.api.petitions.SignatureBatch;
import org.grassroots.crm.plugin.api.petitions.SignatureField;
import org.jspecify.annotations.Nullable;

/**
 * Turns one record into an {@link ImportedSignature}, or a {@link RejectedRow} when its date or opt-in cannot be
 * read. Values are trimmed and an empty value is {@code null}; everything but the date and the opt-in is passed on
 * as written (core checks and normalises e-mails, phones, ZIPs and states, so one rule applies to every source).
 * Column positions are looked up once, so a row costs only its own values.
 */
final class SignatureRowMapper {

    private static final int UNMAPPED = -1;

    private final int[] columns;
    private final boolean splitFullName;

    private SignatureRowMapper(int[] columns) {
        this.columns = columns;
        this.splitFullName = columns[SignatureField.FULL_NAME.ordinal()] != UNMAPPED
                && columns[SignatureField.FIRST_NAME.ordinal()] == UNMAPPED
                && columns[SignatureField.LAST_NAME.ordinal()] == UNMAPPED;
    }

    /**
     * The mapper for {@code mapping} over {@code header}.
     *
     * @throws IllegalArgumentException when the mapping maps nothing or names a column the file does not have
     */
    static SignatureRowMapper of(Header header, FieldMapping mapping) {
        if (mapping.columns().isEmpty()) {
            throw new IllegalArgumentException("No column is mapped to a signature field. Map at least the e-mail "
                    + "or the name column.");
        }
        int[] columns = new int[SignatureField.values().length];
        Arrays.fill(columns, UNMAPPED);
        for (Map.Entry<SignatureField, String> entry : new EnumMap<>(mapping.columns()).entrySet()) {
            int index = header.indexOf(entry.getValue());
            if (index < 0) {
                throw new IllegalArgumentException("The mapping takes " + entry.getKey().label() + " from the column '"
                        + entry.getValue() + "', but the file has no such column. Its columns are: "
                        + String.join(", ", header.names()) + ".");
            }
            columns[entry.getKey().ordinal()] = index;
        }
        return new SignatureRowMapper(columns);
    }

    /** Adds the record to {@code batch} as a signature, or as a rejected row naming the value it could not read. */
    void addTo(SignatureBatch batch, CsvRecord row) {
        long line = row.getStartingLineNumber();
        String problem = null;

        Instant signedAt = null;
        String signedAtText = value(row, SignatureField.SIGNED_AT);
        if (signedAtText != null) {
            signedAt = SignedAtParser.parse(signedAtText);
            if (signedAt == null) {
                problem = SignatureField.SIGNED_AT.label() + " '" + signedAtText
                        + "' is not a date (for example 2022-11-10 10:00:00)";
            }
        }
        Boolean optIn = null;
        if (columns[SignatureField.OPT_IN.ordinal()] != UNMAPPED) {
            String optInText = value(row, SignatureField.OPT_IN);
            optIn = OptInParser.parse(optInText);
            if (optIn == null) {
                problem = (problem == null ? "" : problem + "; ") + SignatureField.OPT_IN.label() + " '" + optInText
                        + "' is not yes or no (for example " + OptInParser.EXAMPLES + ")";
            }
        }
        if (problem != null) {
            batch.reject(new RejectedRow(line, row.getFields(), problem));
            return;
        }

        String firstName = value(row, SignatureField.FIRST_NAME);
        String lastName = value(row, SignatureField.LAST_NAME);
        if (splitFullName) {
            String fullName = value(row, SignatureField.FULL_NAME);
            int space = fullName == null ? -1 : fullName.lastIndexOf(' ');
            if (space > 0) {
                firstName = fullName.substring(0, space).strip();
                lastName = fullName.substring(space + 1);
            } else {
                firstName = fullName;
            }
        }
        batch.add(new ImportedSignature(line, value(row, SignatureField.EMAIL), firstName, lastName,
                value(row, SignatureField.PHONE), value(row, SignatureField.ADDRESS_LINE1),
                value(row, SignatureField.ADDRESS_LINE2), value(row, SignatureField.CITY),
                value(row, SignatureField.STATE), value(row, SignatureField.ZIP), signedAt,
                value(row, SignatureField.COMMENT), value(row, SignatureField.EXTERNAL_ID), optIn,
                value(row, SignatureField.SOURCE)));
    }

    private @Nullable String value(CsvRecord row, SignatureField field) {
        int column = columns[field.ordinal()];
        if (column == UNMAPPED) {
            return null;
        }
        String value = row.getField(column).strip();
        return value.isEmpty() ? null : value;
    }
}
