package org.grassroots.crm.exports.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.crm.exports.ExportField;
import org.grassroots.crm.exports.MatchKey;
import org.grassroots.crm.plugin.api.exports.ExportColumn;
import org.grassroots.crm.plugin.api.exports.ExportFormat;
import org.grassroots.crm.plugin.api.exports.ExportWriter;
import org.jspecify.annotations.Nullable;

/**
 * The hashed match file: instead of addresses and numbers, their keyed hashes ({@link MatchKey}), so a partner who
 * holds the same key can count the people both lists share without either side seeing the other's list. Columns
 * {@code email_hmac} and/or {@code phone_hmac}, lower-case hex, no byte-order mark; a person with neither is left
 * out. The same layout is what {@link HashedFileReader} reads back from a partner.
 */
public final class HashedMatchFormat implements ExportFormat {

    public static final String ID = "hashed-match";
    public static final String EMAIL_COLUMN = "email_hmac";
    public static final String PHONE_COLUMN = "phone_hmac";
    static final String DISPLAY_NAME = "Hashed match file (HMAC-SHA-256)";

    private final MatchKey key;

    public HashedMatchFormat(MatchKey key) {
        this.key = key;
    }

    /** Whether a file of these fields can be hashed: only e-mail and phone, at least one. */
    public static boolean accepts(List<ExportField> fields) {
        return !fields.isEmpty() && fields.stream().allMatch(f -> f == ExportField.EMAIL || f == ExportField.PHONE);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return DISPLAY_NAME;
    }

    @Override
    public String fileExtension() {
        return "csv";
    }

    @Override
    public String mediaType() {
        return "text/csv";
    }

    @Override
    public boolean opensInSpreadsheets() {
        return false;
    }

    @Override
    public ExportWriter open(OutputStream out, List<ExportColumn> columns) throws IOException {
        List<Boolean> emailColumn = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (ExportColumn column : columns) {
            boolean email = column.key().equals(ExportField.EMAIL.key());
            if (!email && !column.key().equals(ExportField.PHONE.key())) {
                throw new IllegalArgumentException("A hashed match file holds only e-mail and phone, not "
                        + column.key());
            }
            emailColumn.add(email);
            header.add(email ? EMAIL_COLUMN : PHONE_COLUMN);
        }
        CsvFile csv = new CsvFile(out, StandardCharsets.US_ASCII, false, header);
        return new ExportWriter() {
            @Override
            public void write(List<@Nullable String> values) {
                List<String> hashes = new ArrayList<>(values.size());
                boolean any = false;
                for (int i = 0; i < values.size(); i++) {
                    String hash = emailColumn.get(i) ? key.hashEmail(values.get(i)) : key.hashPhone(values.get(i));
                    any |= hash != null;
                    hashes.add(hash == null ? "" : hash);
                }
                if (any) {
                    csv.write(hashes);
                }
            }

            @Override
            public void close() throws IOException {
                csv.finish();
            }
        };
    }
}
