package org.grassroots.plugins.petitionimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.grassroots.crm.plugin.api.petitions.CsvOptions;
import org.grassroots.crm.plugin.api.petitions.FilePreview;
import org.junit.jupiter.api.Test;

class PreviewTest {

    private final CsvPetitionSource source = new CsvPetitionSource();

    @Test
    void readsOnlyTheStartOfAFileHoweverLargeItIs() throws IOException {
        GeneratedStream file = new GeneratedStream("Email,First Name,Last Name\n", "ana@example.org,Ana,Lopez\n",
                2L * 1024 * 1024 * 1024);

        FilePreview preview = source.preview(file, CsvOptions.DETECT, 20);

        assertThat(preview.rows()).hasSize(20).allSatisfy(row -> assertThat(row)
                .containsExactly("ana@example.org", "Ana", "Lopez"));
        assertThat(file.bytesRead()).as("bytes read of 2 GB").isLessThan(256 * 1024);
    }

    @Test
    void showsAsManyRowsAsAskedAndNoneForZero() throws IOException {
        assertThat(source.preview(Fixtures.sample(), CsvOptions.DETECT, 3).rows()).hasSize(3);
        assertThat(source.preview(Fixtures.sample(), CsvOptions.DETECT, 0).rows()).isEmpty();
        assertThat(source.preview(Fixtures.sample(), CsvOptions.DETECT, 1000).rows()).hasSize(306);
    }

    @Test
    void leavesTheFileOpenForItsOwner() throws IOException {
        boolean[] closed = {false};
        java.io.InputStream file = new java.io.FilterInputStream(Fixtures.utf8("Email\na@example.org\n")) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        source.preview(file, CsvOptions.DETECT, 1);

        assertThat(closed[0]).isFalse();
    }
}
