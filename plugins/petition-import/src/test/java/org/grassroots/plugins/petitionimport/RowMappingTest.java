package org.grassroots.plugins.petitionimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.ADDRESS_LINE1;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.ADDRESS_LINE2;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.CITY;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.COMMENT;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.EMAIL;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.EXTERNAL_ID;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.FIRST_NAME;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.FULL_NAME;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.LAST_NAME;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.OPT_IN;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.PHONE;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.SIGNED_AT;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.SOURCE;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.STATE;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.ZIP;
import static org.grassroots.plugins.petitionimport.Fixtures.REQUEST;
import static org.grassroots.plugins.petitionimport.Fixtures.mapping;
import static org.grassroots.plugins.petitionimport.Fixtures.utf8;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.grassroots.crm.plugin.api.petitions.CsvOptions;
import org.grassroots.crm.plugin.api.petitions.FieldMapping;
import org.grassroots.crm.plugin.api.petitions.ImportedSignature;
import org.grassroots.crm.plugin.api.petitions.RejectedRow;
import org.grassroots.crm.plugin.api.petitions.SignatureBatch;
import org.grassroots.crm.plugin.api.testing.InMemoryImportSink;
import org.grassroots.crm.plugin.api.testing.RecordingJobContext;
import org.junit.jupiter.api.Test;

/** How a row's values become a signature, and which rows the plugin itself rejects. */
class RowMappingTest {

    private final CsvPetitionSource source = new CsvPetitionSource();
    private final InMemoryImportSink sink = new InMemoryImportSink();

    @Test
    void everyFieldComesFromItsColumnTrimmedWithEmptyValuesAsNull() throws IOException {
        String file = "id,mail,first,last,tel,street,apt,town,st,zip,when,note,optin,src,ignored\n"
                + "s-1, Ana@Example.org ,  Ana , Lopez,(415) 555-0100,1 Main St,  ,San Francisco,ca,94110-1234,"
                + "2022-11-10T10:00:00Z,\" hi \",Yes,fb,whatever\n";
        FieldMapping all = mapping(EXTERNAL_ID, "id", EMAIL, "mail", FIRST_NAME, "first", LAST_NAME, "last",
                PHONE, "tel", ADDRESS_LINE1, "street", ADDRESS_LINE2, "apt", CITY, "town", STATE, "st", ZIP, "zip",
                SIGNED_AT, "when", COMMENT, "note", OPT_IN, "optin", SOURCE, "src");

        assertThat(read(file, all).signatures()).containsExactly(new ImportedSignature(2, "Ana@Example.org", "Ana",
                "Lopez", "(415) 555-0100", "1 Main St", null, "San Francisco", "ca", "94110-1234",
                Instant.parse("2022-11-10T10:00:00Z"), "hi", "s-1", true, "fb"));
    }

    @Test
    void valuesCoreChecksArePassedOnAsWritten() throws IOException {
        String file = "Email,ZIP,State\nnot-an-email,ABCDE,Narnia\n,,\u00A0x\n";

        List<ImportedSignature> signatures = read(file, mapping(EMAIL, "Email", ZIP, "ZIP", STATE, "State"))
                .signatures();

        assertThat(signatures).extracting(ImportedSignature::email, ImportedSignature::zip, ImportedSignature::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("not-an-email", "ABCDE", "Narnia"),
                        org.assertj.core.groups.Tuple.tuple(null, null, "\u00A0x"));
    }

    @Test
    void aFullNameIsSplitAtTheLastSpace() throws IOException {
        String file = "Name,Email\nMary Ann  Smith,m@example.org\nCher,c@example.org\n,n@example.org\n";

        List<ImportedSignature> signatures = read(file, mapping(FULL_NAME, "Name", EMAIL, "Email")).signatures();

        assertThat(signatures).extracting(ImportedSignature::firstName, ImportedSignature::lastName).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Mary Ann", "Smith"),
                org.assertj.core.groups.Tuple.tuple("Cher", null),
                org.assertj.core.groups.Tuple.tuple(null, null));
    }

    @Test
    void aFullNameIsIgnoredWhenFirstOrLastNameIsMapped() throws IOException {
        String file = "Name,First\nMary Smith,Maria\n";

        List<ImportedSignature> signatures = read(file, mapping(FULL_NAME, "Name", FIRST_NAME, "First")).signatures();

        assertThat(signatures).extracting(ImportedSignature::firstName, ImportedSignature::lastName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Maria", null));
    }

    @Test
    void withoutAnOptInColumnOptInIsUnknown() throws IOException {
        assertThat(read("Email\na@example.org\n", mapping(EMAIL, "Email")).signatures())
                .singleElement().extracting(ImportedSignature::optIn).isNull();
    }

    @Test
    void aRowWhoseDateOrOptInCannotBeReadIsRejectedWithItsValuesAndWhy() throws IOException {
        String file = """
                Email,Signed,Opt-in
                a@example.org,2022-11-10,maybe
                b@example.org,yesterday,perhaps
                c@example.org,,
                """;

        InMemoryImportSink.Batch batch = read(file, mapping(EMAIL, "Email", SIGNED_AT, "Signed", OPT_IN, "Opt-in"));

        assertThat(batch.rejects()).containsExactly(
                new RejectedRow(2, List.of("a@example.org", "2022-11-10", "maybe"),
                        "E-mail opt-in 'maybe' is not yes or no (for example yes, no, 1, 0)"),
                new RejectedRow(3, List.of("b@example.org", "yesterday", "perhaps"),
                        "Signed at 'yesterday' is not a date (for example 2022-11-10 10:00:00); E-mail opt-in "
                                + "'perhaps' is not yes or no (for example yes, no, 1, 0)"));
        assertThat(batch.signatures()).singleElement().satisfies(s -> {
            assertThat(s.signedAt()).as("empty: when imported").isNull();
            assertThat(s.optIn()).as("empty: no").isFalse();
        });
    }

    @Test
    void rowsOfEmptyCellsAreSkippedAndNotCounted() throws IOException {
        String file = "Email,Name\na@example.org,Ana\n,\n\n   ,  \nb@example.org,Bo\n,,,\n";
        long read;
        try (SignatureBatch batch = sink.open(REQUEST)) {
            read = source.read(utf8(file), CsvOptions.DETECT, mapping(EMAIL, "Email"), batch,
                    new RecordingJobContext());
        }

        assertThat(read).isEqualTo(2);
        assertThat(sink.lastBatch().signatures()).extracting(ImportedSignature::line).containsExactly(2L, 6L);
    }

    private InMemoryImportSink.Batch read(String file, FieldMapping mapping) throws IOException {
        try (SignatureBatch batch = sink.open(REQUEST)) {
            source.read(utf8(file), CsvOptions.DETECT, mapping, batch, new RecordingJobContext());
        }
        return sink.lastBatch();
    }
}
