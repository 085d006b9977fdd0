package org.grassroots.plugins.petitionimport;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.grassroots.crm.plugin.api.petitions.FieldMapping;
import org.grassroots.crm.plugin.api.petitions.OptInPolicy;
import org.grassroots.crm.plugin.api.petitions.SignatureField;
import org.grassroots.crm.plugin.api.petitions.SignatureImportRequest;

/** Files and requests the tests share. */
final class Fixtures {

    static final SignatureImportRequest REQUEST = new SignatureImportRequest(7, "signatures.csv", "test",
            OptInPolicy.FROM_COLUMN, false, false);

    private Fixtures() {
    }

    /** {@code /work/shared/data/petition-sample.csv}: 306 signatures of a custom form, some broken on purpose. */
    static InputStream sample() {
        return Objects.requireNonNull(Fixtures.class.getResourceAsStream("/petition-sample.csv"));
    }

    static long sampleSize() throws java.io.IOException {
        try (InputStream in = sample()) {
            return in.readAllBytes().length;
        }
    }

    static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static InputStream bytes(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    /** A mapping from pairs: field, column, field, column … */
    static FieldMapping mapping(Object... pairs) {
        Map<SignatureField, String> columns = new EnumMap<>(SignatureField.class);
        for (int i = 0; i < pairs.length; i += 2) {
            columns.put((SignatureField) pairs[i], (String) pairs[i + 1]);
        }
        return new FieldMapping(columns);
    }
}
