package org.grassroots.plugins.petitionimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.grassroots.crm.plugin.api.petitions.SignatureField.EMAIL;
import static org.grassroots.plugins.petitionimport.Fixtures.REQUEST;
import static org.grassroots.plugins.petitionimport.Fixtures.mapping;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.plugin.api.jobs.JobCancelledException;
import org.grassroots.crm.plugin.api.petitions.CsvOptions;
import org.grassroots.crm.plugin.api.petitions.SignatureBatch;
import org.grassroots.crm.plugin.api.testing.InMemoryImportSink;
import org.grassroots.crm.plugin.api.testing.RecordingJobContext;
import org.junit.jupiter.api.Test;

/** Progress in bytes and cancellation every 10,000 records and at the end. */
class ProgressTest {

    private static final String HEADER = "Email,Comment\n";
    private static final String ROW = "someone@example.org,a comment of some length\n";
    private static final int ROWS = 25_000;
    private static final long SIZE = HEADER.length() + (long) ROW.length() * ROWS;

    private final CsvPetitionSource source = new CsvPetitionSource();
    private final InMemoryImportSink sink = new InMemoryImportSink();

    @Test
    void reportsBytesReadOfTheFileSizeCoreGives() throws IOException {
        RecordingJobContext job = new RecordingJobContext(Map.of("fileSize", Long.toString(SIZE)));

        long read = read(job);

        assertThat(read).isEqualTo(ROWS);
        List<RecordingJobContext.Progress> reports = job.progressReports();
        assertThat(reports).hasSize(3).allSatisfy(p -> assertThat(p.total()).isEqualTo(SIZE));
        assertThat(reports).extracting(RecordingJobContext.Progress::done).isSorted()
                .allSatisfy(done -> assertThat(done).isPositive().isLessThanOrEqualTo(SIZE));
        assertThat(reports.getLast().done()).isEqualTo(SIZE);
        assertThat(job.cancellationChecks()).isEqualTo(3);
    }

    @Test
    void withoutAFileSizeTheTotalIsUnknown() throws IOException {
        RecordingJobContext job = new RecordingJobContext(Map.of("fileSize", "unknown"));

        read(job);

        assertThat(job.progressReports()).allSatisfy(p -> assertThat(p.total()).isEqualTo(-1));
        assertThat(job.lastProgress()).isEqualTo(new RecordingJobContext.Progress(SIZE, -1));
    }

    @Test
    void aCancelStopsTheReadAtTheNextCheck() {
        RecordingJobContext job = new RecordingJobContext().cancelAfterChecks(1);

        assertThatThrownBy(() -> read(job)).isInstanceOf(JobCancelledException.class);

        assertThat(sink.lastBatch().signatures()).hasSize(19_999);
        assertThat(sink.lastBatch().summary()).isEmpty();
    }

    @Test
    void aCancelBeforeTheStartStopsAtTheFirstCheck() {
        RecordingJobContext job = new RecordingJobContext().cancel();

        assertThatThrownBy(() -> read(job)).isInstanceOf(JobCancelledException.class);

        assertThat(sink.lastBatch().signatures()).hasSize(CsvPetitionSource.CHECK_EVERY - 1);
    }

    private long read(RecordingJobContext job) throws IOException {
        try (SignatureBatch batch = sink.open(REQUEST)) {
            return source.read(new GeneratedStream(HEADER, ROW, SIZE), CsvOptions.DETECT, mapping(EMAIL, "Email"),
                    batch, job);
        }
    }
}
