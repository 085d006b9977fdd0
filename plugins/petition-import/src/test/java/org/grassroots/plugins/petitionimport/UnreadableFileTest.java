package org.grassroots.plugins.petitionimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.EMAIL;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.FIRST_NAME;
import static org.grassroots.plugins.petitionimport.Fixtures.REQUEST;
import static org.grassroots.plugins.petitionimport.Fixtures.bytes;
import static org.grassroots.plugins.petitionimport.Fixtures.mapping;
import static org.grassroots.plugins.petitionimport.Fixtures.utf8;

import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.function.Supplier;

import org.assertj.core.api.AbstractThrowableAssert;
import org.grassroots.crm.plugin.api.petitions.CsvOptions;
import org.grassroots.crm.plugin.api.petitions.FieldMapping;
import org.grassroots.crm.plugin.api.petitions.FilePreview;
import org.grassroots.crm.plugin.api.petitions.SignatureBatch;
import org.grassroots.crm.plugin.api.testing.InMemoryImportSink;
import org.grassroots.crm.plugin.api.testing.RecordingJobContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Files that cannot be read as a whole are refused with a message that says what to fix, from preview and from
 * read alike; read then hands core nothing to finish (core discards the batch on the exception).
 */
class UnreadableFileTest {

    private static final FieldMapping EMAIL_ONLY = mapping(EMAIL, "Email");
    private static final long FIFTY_MB = 50L * 1024 * 1024;

    private final CsvPetitionSource source = new CsvPetitionSource();
    private final InMemoryImportSink sink = new InMemoryImportSink();

    @AfterEach
    void nothingWasFinished() {
        sink.batches().forEach(batch -> assertThat(batch.summary()).isEmpty());
    }

    @Test
    void anEmptyFile() {
        assertRefused(() -> bytes(new byte[0])).hasMessage("The file is empty.");
        assertRefused(() -> utf8(" \r\n\t\n  ")).hasMessage("The file is empty.");
        assertRefused(() -> bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n'}))
                .hasMessage("The file is empty.");
    }

    @Test
    void aHeaderWithoutSignaturesPreviewsButDoesNotImport() throws IOException {
        FilePreview preview = source.preview(utf8("Email,First Name\n"), CsvOptions.DETECT, 10);

        assertThat(preview.headers()).containsExactly("Email", "First Name");
        assertThat(preview.rows()).isEmpty();
        assertThatThrownBy(() -> read(utf8("Email,First Name\n"), EMAIL_ONLY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The file has a header row but no signatures.");
        assertThatThrownBy(() -> read(utf8("Email,First Name\r\n,\r\n ,  \r\n"), EMAIL_ONLY))
                .as("rows of empty cells are no signatures").hasMessage("The file has a header row but no signatures.");
    }

    @Test
    void aBinaryFile() {
        byte[] png = new byte[4096];
        new Random(7).nextBytes(png);
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        System.arraycopy(header, 0, png, 0, header.length);

        assertRefused(() -> bytes(png))
                .hasMessage("This is not a text file: it contains binary data near byte 8. Upload a CSV export.");
    }

    @Test
    void controlCharactersAllOverWithoutANulByte() {
        String noisy = "Email,First Name\n" + "a@example.org,\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\n";

        assertRefused(() -> utf8(noisy))
                .hasMessage("This is not a text file: it contains binary data near byte 31. Upload a CSV export.");
    }

    @Test
    void aFiftyMegabyteLineFailsFastWithoutReadingTheRest() {
        GeneratedStream[] last = new GeneratedStream[1];
        Supplier<InputStream> oneLine = () -> last[0] = new GeneratedStream("", "a", FIFTY_MB);

        assertRefused(oneLine).hasMessage("Line 1 is longer than 1 MB, which no signature needs: usually a quote (\") "
                + "opens a value and never closes it. Check the quotes and the delimiter.");
        assertThat(last[0].bytesRead()).as("bytes read").isLessThan(4L * 1024 * 1024);
    }

    @Test
    void aQuoteThatSwallowsFiftyMegabytesAfterTheHeader() {
        GeneratedStream[] last = new GeneratedStream[1];
        Supplier<InputStream> unclosed = () -> last[0] = new GeneratedStream("Email,Comment\r\nana@example.org,\"",
                "all of this is one value, line after line\r\n", FIFTY_MB);

        assertRefused(unclosed).hasMessageStartingWith("Line 2 is longer than 1 MB");
        assertThat(last[0].bytesRead()).as("bytes read").isLessThan(4L * 1024 * 1024);
    }

    @Test
    void aFiftyMegabyteLineOfShortValues() {
        assertRefused(() -> new GeneratedStream("", "a,", FIFTY_MB))
                .hasMessage("Line 1 has more than 10,000 columns. Check the delimiter.");
    }

    @Test
    void aRowWithAnotherColumnCountStopsTheImportButPreviewsAsItIs() throws IOException {
        String file = """
                First Name,Last Name,Email,ZIP,State,Comment,Signed At,Opt-in
                Ana,Lopez,ana@example.org,94110,CA,"Two
                lines",2022-11-10 10:00:00,yes
                Bo,Kim,bo@example.org,94110,CA,fine,2022-11-10 10:00:00,yes
                Cy,Lee,cy@example.org,94110,CA,2022-11-10 10:00:00,yes
                Di,Ng,di@example.org,94110,CA,fine,2022-11-10 10:00:00,yes
                """;

        assertThatThrownBy(() -> read(utf8(file), EMAIL_ONLY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Line 5 has 7 columns but the header has 8. Check the delimiter and the quotes; "
                        + "nothing was imported.");
        assertThat(source.preview(utf8(file), CsvOptions.DETECT, 10).rows()).extracting(row -> row.size())
                .containsExactly(8, 8, 7, 8);
    }

    @Test
    void aHeaderWithoutAName() {
        assertRefused(() -> utf8("Email,,First Name\na@example.org,x,Ana\n")).hasMessage("Column 2 of the header "
                + "row has no name. Name every column, or delete the empty one, and upload the file again.");
    }

    @Test
    void aHeaderNameTwice() {
        assertRefused(() -> utf8("Email,First Name, Email \na@example.org,Ana,b@example.org\n"))
                .hasMessage("Columns 1 and 3 of the header row are both named 'Email'. Give each column its own "
                        + "name and upload the file again.");
    }

    @Test
    void aQuoteThatIsNeverClosed() {
        assertRefused(() -> utf8("Email,Comment\na@example.org,ok\nb@example.org,\"never closed\n"))
                .hasMessage("Line 3 opens a quote (\") that is never closed. Check the quotes.");
    }

    @Test
    void textAfterAClosingQuote() {
        assertRefused(() -> utf8("Email,Comment\na@example.org,\"quoted\" and not\n"))
                .hasMessage("Line 2 has text right after a closing quote (\"). Quote the whole value, and write a "
                        + "quote inside a value as two quotes (\"\").");
    }

    @Test
    void aMappingThatNamesAColumnTheFileDoesNotHave() {
        assertThatThrownBy(() -> read(utf8("Email,Name\na@example.org,Ana\n"), mapping(EMAIL, "E-mail address")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The mapping takes E-mail from the column 'E-mail address', but the file has no such "
                        + "column. Its columns are: Email, Name.");
        assertThatThrownBy(() -> read(utf8("Email,Name\na@example.org,Ana\n"), mapping()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No column is mapped to a signature field. Map at least the e-mail or the name column.");
        assertThat(sink.batches()).allSatisfy(batch -> assertThat(batch.signatures()).isEmpty());
    }

    @Test
    void aColumnIsFoundIgnoringCaseWhenTheNameIsUnambiguous() throws IOException {
        read(utf8("EMAIL,first name\na@example.org,Ana\n"), mapping(EMAIL, "Email", FIRST_NAME, "First Name"));

        assertThat(sink.lastBatch().signatures()).singleElement().satisfies(s -> {
            assertThat(s.email()).isEqualTo("a@example.org");
            assertThat(s.firstName()).isEqualTo("Ana");
        });
    }

    /**
     * Preview and read both refuse the file, with the same message. Rows before a bad line may have been staged: the
     * exception makes core discard the batch, which the plugin never finishes.
     */
    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Supplier<InputStream> file) {
        Throwable previewed = catchThrowable(() -> source.preview(file.get(), CsvOptions.DETECT, 10));
        Throwable read = catchThrowable(() -> read(file.get(), EMAIL_ONLY));
        assertThat(previewed).isInstanceOf(IllegalArgumentException.class);
        assertThat(read).isInstanceOf(IllegalArgumentException.class).hasMessage(previewed.getMessage());
        return assertThat(read);
    }

    private void read(InputStream file, FieldMapping mapping) throws IOException {
        try (SignatureBatch batch = sink.open(REQUEST)) {
            source.read(file, CsvOptions.DETECT, mapping, batch, new RecordingJobContext());
        }
    }
}
