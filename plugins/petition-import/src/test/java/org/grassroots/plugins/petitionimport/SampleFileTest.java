package org.grassroots.plugins.petitionimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.plugins.petitionimport.Fixtures.REQUEST;
import static org.grassroots.plugins.petitionimport.Fixtures.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.plugin.api.petitions.CsvOptions;
import org.grassroots.crm.plugin.api.petitions.FilePreview;
import org.grassroots.crm.plugin.api.petitions.ImportedSignature;
import org.grassroots.crm.plugin.api.petitions.RejectedRow;
import org.grassroots.crm.plugin.api.petitions.SignatureBatch;
import org.grassroots.crm.plugin.api.petitions.SignatureField;
import org.grassroots.crm.plugin.api.testing.InMemoryImportSink;
import org.grassroots.crm.plugin.api.testing.RecordingJobContext;
import org.junit.jupiter.api.Test;

/**
 * The shared sample (a custom form's export: free-form headers, multi-line comments, a spreadsheet formula, accents,
 * opt-in written five ways, and a few broken rows at the end) goes through preview and read as the wizard does it.
 */
class SampleFileTest {

    private final CsvPetitionSource source = new CsvPetitionSource();
    private final InMemoryImportSink sink = new InMemoryImportSink();

    @Test
    void previewDetectsTheFormatAndSuggestsTheMapping() throws IOException {
        FilePreview preview = source.preview(sample(), CsvOptions.DETECT, 10);

        assertThat(preview.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(preview.delimiter()).isEqualTo(',');
        assertThat(preview.headers()).containsExactly("First Name", "Last Name", "Email", "ZIP", "State", "Comment",
                "Signed At", "Opt-in");
        assertThat(preview.rows()).hasSize(10);
        assertThat(preview.rows().getFirst()).containsExactly("Noah", "Rodriguez", "noah.rodriguez667@example.org",
                "78701-9779", "TX", "", "2022-11-20 18:03:00", "Y");
        assertThat(preview.rows().get(6)).as("a multi-line comment is one row").containsExactly("Aisha", "Lopez",
                "aisha.lopez538@example.org", "94110", "", "Line one\nline two", "2022-11-23 09:38:00", "yes");
        assertThat(preview.suggested().columns()).containsExactlyInAnyOrderEntriesOf(Map.of(
                SignatureField.FIRST_NAME, "First Name", SignatureField.LAST_NAME, "Last Name",
                SignatureField.EMAIL, "Email", SignatureField.ZIP, "ZIP", SignatureField.STATE, "State",
                SignatureField.COMMENT, "Comment", SignatureField.SIGNED_AT, "Signed At",
                SignatureField.OPT_IN, "Opt-in"));
        assertThat(preview.matchingPreset()).as("a custom form is no known tool's export").isNull();
    }

    @Test
    void readsEveryRowAndRejectsOnlyTheUnreadableDate() throws IOException {
        FilePreview preview = source.preview(sample(), CsvOptions.DETECT, 5);
        RecordingJobContext job = new RecordingJobContext(Map.of("fileSize", Long.toString(Fixtures.sampleSize())));

        long read;
        try (SignatureBatch batch = sink.open(REQUEST)) {
            read = source.read(sample(), CsvOptions.DETECT, preview.suggested(), batch, job);
        }

        InMemoryImportSink.Batch batch = sink.lastBatch();
        assertThat(read).isEqualTo(306);
        assertThat(batch.signatures()).hasSize(305);
        assertThat(batch.rejects()).singleElement().isEqualTo(new RejectedRow(343, List.of("Bad", "Date",
                "bad.date@example.org", "29201", "SC", "unparseable date", "yesterday", "yes"),
                "Signed at 'yesterday' is not a date (for example 2022-11-10 10:00:00)"));
        assertThat(batch.summary()).as("core finishes the batch, never the plugin").isEmpty();
        assertThat(job.lastProgress()).isEqualTo(new RecordingJobContext.Progress(Fixtures.sampleSize(),
                Fixtures.sampleSize()));
    }

    @Test
    void passesValuesAsWrittenWithPhysicalLineNumbers() throws IOException {
        List<ImportedSignature> signatures = readSample();

        assertThat(signatures.getFirst()).isEqualTo(new ImportedSignature(2, "noah.rodriguez667@example.org", "Noah",
                "Rodriguez", null, null, null, null, "TX", "78701-9779", Instant.parse("2022-11-20T18:03:00Z"), null,
                null, true, null));
        assertThat(byEmail(signatures, "darnell.johnson445@example.org").comment()).as("a formula stays text")
                .isEqualTo("=HYPERLINK(\"http://evil.example\",\"click\")");
        ImportedSignature multiLine = byEmail(signatures, "aisha.lopez538@example.org");
        assertThat(multiLine.comment()).isEqualTo("Line one\nline two");
        assertThat(multiLine.line()).isEqualTo(8);
        assertThat(byEmail(signatures, "wei.jackson169@example.org").line()).as("after a two-line comment")
                .isEqualTo(10);
        assertThat(byEmail(signatures, "chloe.miller600@example.org").firstName()).isEqualTo("Chloé");
        assertThat(byEmail(signatures, "james.hernandez402@example.org").lastName()).isEqualTo("Hernández");
        assertThat(byEmail(signatures, "wei.jackson169@example.org").state()).as("core normalises states")
                .isEqualTo("tx");
        assertThat(byEmail(signatures, "not-an-email")).as("core checks e-mails").isNotNull();
        assertThat(signatures).filteredOn(s -> "No".equals(s.firstName()) && s.email() == null).hasSize(1);
        assertThat(byEmail(signatures, "wrong.state@example.org").state()).isEqualTo("Narnia");
    }

    @Test
    void readsTheOptInWrittenFiveWays() throws IOException {
        List<ImportedSignature> signatures = readSample();

        assertThat(signatures).filteredOn(s -> Boolean.TRUE.equals(s.optIn())).hasSize(151);
        assertThat(signatures).filteredOn(s -> Boolean.FALSE.equals(s.optIn())).hasSize(154);
        assertThat(byEmail(signatures, "grace.ali580@example.org").optIn()).as("an empty cell").isFalse();
        assertThat(byEmail(signatures, "liam.lee63@example.org").optIn()).as("0").isFalse();
        assertThat(byEmail(signatures, "fatima.garcia364@example.org").optIn()).as("1").isTrue();
    }

    private List<ImportedSignature> readSample() throws IOException {
        FilePreview preview = source.preview(sample(), CsvOptions.DETECT, 5);
        try (SignatureBatch batch = sink.open(REQUEST)) {
            source.read(sample(), CsvOptions.DETECT, preview.suggested(), batch, new RecordingJobContext());
        }
        return sink.lastBatch().signatures();
    }

    private static ImportedSignature byEmail(List<ImportedSignature> signatures, String email) {
        return signatures.stream().filter(s -> email.equals(s.email())).findFirst().orElseThrow();
    }
}
