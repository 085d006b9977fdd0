package org.grassroots.crm.petitions.internal;

import java.util.HexFormat;
import java.util.List;

import org.grassroots.crm.plugin.api.petitions.SignatureField;
import org.jspecify.annotations.Nullable;

/** How a rejected row's values are kept: a PostgreSQL {@code text[]}, in the file's or in mapped-field order. */
final class ImportValues {

    /** The order of a MAPPED row's values: the fields of an {@code ImportedSignature}. */
    static final List<SignatureField> MAPPED_FIELDS = List.of(SignatureField.EMAIL, SignatureField.FIRST_NAME,
            SignatureField.LAST_NAME, SignatureField.PHONE, SignatureField.ADDRESS_LINE1,
            SignatureField.ADDRESS_LINE2, SignatureField.CITY, SignatureField.STATE, SignatureField.ZIP,
            SignatureField.SIGNED_AT, SignatureField.COMMENT, SignatureField.EXTERNAL_ID, SignatureField.OPT_IN,
            SignatureField.SOURCE);

    private ImportValues() {
    }

    /** An array literal such as {@code {"a","b",NULL}}, every element quoted so no value can change its shape. */
    static String arrayLiteral(List<@Nullable String> values) {
        StringBuilder literal = new StringBuilder(values.size() * 16).append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            String value = values.get(i);
            if (value == null) {
                literal.append("NULL");
                continue;
            }
            literal.append('"');
            for (int c = 0; c < value.length(); c++) {
                char ch = value.charAt(c);
                if (ch == '"' || ch == '\\') {
                    literal.append('\\');
                }
                literal.append(ch);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }

    /** A {@code bytea} in hex input form. */
    static String hex(byte[] bytes) {
        return "\\x" + HexFormat.of().formatHex(bytes);
    }
}
