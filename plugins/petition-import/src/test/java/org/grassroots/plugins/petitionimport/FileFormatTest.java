package org.grassroots.plugins.petitionimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.COMMENT;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.EMAIL;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.FIRST_NAME;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.LAST_NAME;
import static org.grassroots.plugins.petitionimport.Fixtures.REQUEST;
import static org.grassroots.plugins.petitionimport.Fixtures.bytes;
import static org.grassroots.plugins.petitionimport.Fixtures.mapping;
import static org.grassroots.plugins.petitionimport.Fixtures.utf8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.grassroots.crm.plugin.api.petitions.CsvOptions;
import org.grassroots.crm.plugin.api.petitions.FieldMapping;
import org.grassroots.crm.plugin.api.petitions.FilePreview;
import org.grassroots.crm.plugin.api.petitions.ImportedSignature;
import org.grassroots.crm.plugin.api.petitions.SignatureBatch;
import org.grassroots.crm.plugin.api.testing.InMemoryImportSink;
import org.grassroots.crm.plugin.api.testing.RecordingJobContext;
import org.junit.jupiter.api.Test;

/** Encodings and delimiters: detected when the options leave them open, used as given otherwise. */
class FileFormatTest {

    private static final FieldMapping NAMES = mapping(EMAIL, "Email", FIRST_NAME, "First Name", LAST_NAME,
            "Last Name");

    private final CsvPetitionSource source = new CsvPetitionSource();
    private final InMemoryImportSink sink = new InMemoryImportSink();

    @Test
    void aWindows1252FileWithAccentsAndSmartQuotesIsDecodedAsSuch() throws IOException {
        byte[] file = "Email;First Name;Last Name;Comment\r\nchloe@example.org;Chloé;Müller;“Ça suffit” – 5€\r\n"
                .getBytes(CsvFormatDetector.WINDOWS_1252);

        FilePreview preview = source.preview(bytes(file), CsvOptions.DETECT, 5);
        List<ImportedSignature> read = read(bytes(file), CsvOptions.DETECT, mapping(EMAIL, "Email", FIRST_NAME,
                "First Name", LAST_NAME, "Last Name", COMMENT, "Comment"));

        assertThat(preview.charset().name()).isEqualTo("windows-1252");
        assertThat(preview.delimiter()).isEqualTo(';');
        assertThat(preview.rows().getFirst()).containsExactly("chloe@example.org", "Chloé", "Müller",
                "“Ça suffit” – 5€");
        assertThat(read).singleElement().satisfies(s -> {
            assertThat(s.firstName()).isEqualTo("Chloé");
            assertThat(s.lastName()).isEqualTo("Müller");
            assertThat(s.comment()).isEqualTo("“Ça suffit” – 5€");
        });
    }

    @Test
    void aSemicolonFileKeepsCommasInsideValues() throws IOException {
        String file = "Email;First Name;Last Name;Comment\nana@example.org;Ana;Lopez;Yes, and now\n";

        FilePreview preview = source.preview(utf8(file), CsvOptions.DETECT, 5);

        assertThat(preview.delimiter()).isEqualTo(';');
        assertThat(preview.rows().getFirst()).containsExactly("ana@example.org", "Ana", "Lopez", "Yes, and now");
    }

    @Test
    void aTabFileIsDetected() throws IOException {
        String file = "Email\tFirst Name\tLast Name\nana@example.org\tAna\tLopez, Jr.\n";

        FilePreview preview = source.preview(utf8(file), CsvOptions.DETECT, 5);
        List<ImportedSignature> read = read(utf8(file), CsvOptions.DETECT, NAMES);

        assertThat(preview.delimiter()).isEqualTo('\t');
        assertThat(read).singleElement().extracting(ImportedSignature::lastName).isEqualTo("Lopez, Jr.");
    }

    @Test
    void theDelimiterIsCountedInTheHeaderLineOutsideQuotesWithCommaOnATie() {
        assertThat(CsvFormatDetector.delimiterOf("\"Name, full\";Email;Zip\na,b,c,d,e")).isEqualTo(';');
        assertThat(CsvFormatDetector.delimiterOf("a;b,c")).isEqualTo(',');
        assertThat(CsvFormatDetector.delimiterOf("a;b\tc")).isEqualTo(',');
        assertThat(CsvFormatDetector.delimiterOf("Email")).isEqualTo(',');
        assertThat(CsvFormatDetector.delimiterOf("\r\n\na\tb\n")).isEqualTo('\t');
    }

    @Test
    void aUtf8ByteOrderMarkIsStrippedAndLinesStillCountFromTheHeader() throws IOException {
        byte[] file = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "Email,First Name,Last Name\nzoe@example.org,Zoë,Washington\n".getBytes(StandardCharsets.UTF_8));

        FilePreview preview = source.preview(bytes(file), CsvOptions.DETECT, 5);
        List<ImportedSignature> read = read(bytes(file), CsvOptions.DETECT, NAMES);

        assertThat(preview.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(preview.headers()).containsExactly("Email", "First Name", "Last Name");
        assertThat(read).singleElement().satisfies(s -> {
            assertThat(s.line()).isEqualTo(2);
            assertThat(s.firstName()).isEqualTo("Zoë");
        });
    }

    @Test
    void aByteOrderMarkIsAlsoStrippedWhenUtf8IsChosen() throws IOException {
        byte[] file = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "Email,First Name,Last Name\nzoe@example.org,Zoë,Washington\n".getBytes(StandardCharsets.UTF_8));

        FilePreview preview = source.preview(bytes(file), new CsvOptions(StandardCharsets.UTF_8, null), 5);

        assertThat(preview.headers().getFirst()).isEqualTo("Email");
    }

    @Test
    void excelUnicodeTextIsUtf16WithAByteOrderMarkAndTabs() throws IOException {
        byte[] file = concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "Email\tFirst Name\tLast Name\r\nzoe@example.org\tZoë\tWashington\r\n"
                        .getBytes(StandardCharsets.UTF_16LE));

        FilePreview preview = source.preview(bytes(file), CsvOptions.DETECT, 5);
        List<ImportedSignature> read = read(bytes(file), CsvOptions.DETECT, NAMES);

        assertThat(preview.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(preview.delimiter()).isEqualTo('\t');
        assertThat(read).singleElement().extracting(ImportedSignature::firstName).isEqualTo("Zoë");
    }

    @Test
    void aCharacterCutByTheEndOfTheSampleStillCountsAsUtf8() throws IOException {
        String header = "Email,Comment\n";
        String padding = "x".repeat(CsvFormatDetector.SAMPLE_BYTES - header.length() - "a@example.org,".length()
                - 1);
        String file = header + "a@example.org," + padding + "é and more\n";
        assertThat(file.getBytes(StandardCharsets.UTF_8)[CsvFormatDetector.SAMPLE_BYTES - 1])
                .as("the sample ends on the first byte of é").isEqualTo((byte) 0xC3);

        FilePreview preview = source.preview(utf8(file), CsvOptions.DETECT, 1);
        List<ImportedSignature> read = read(utf8(file), CsvOptions.DETECT, mapping(EMAIL, "Email", COMMENT,
                "Comment"));

        assertThat(preview.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(read).singleElement().extracting(ImportedSignature::comment).asString().endsWith("xé and more");
    }

    @Test
    void anInvalidUtf8ByteFarIntoTheSampleMeansWindows1252() throws IOException {
        byte[] file = ("Email,Comment\n" + ("a@example.org,plain ascii\n").repeat(1000) + "b@example.org,caf")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] withAccent = concat(file, new byte[] {(byte) 0xE9, '\n'});

        FilePreview preview = source.preview(bytes(withAccent), CsvOptions.DETECT, 1);

        assertThat(preview.charset().name()).isEqualTo("windows-1252");
    }

    @Test
    void chosenOptionsWinOverDetection() throws IOException {
        String file = "Email,First Name;Last Name\nana@example.org,Ana;Lopez\n";

        FilePreview preview = source.preview(utf8(file), new CsvOptions(StandardCharsets.ISO_8859_1, ';'), 5);

        assertThat(preview.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(preview.delimiter()).isEqualTo(';');
        assertThat(preview.headers()).containsExactly("Email,First Name", "Last Name");
    }

    private List<ImportedSignature> read(InputStream file, CsvOptions options, FieldMapping mapping)
            throws IOException {
        try (SignatureBatch batch = sink.open(REQUEST)) {
            source.read(file, options, mapping, batch, new RecordingJobContext());
        }
        return sink.lastBatch().signatures();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }
}
