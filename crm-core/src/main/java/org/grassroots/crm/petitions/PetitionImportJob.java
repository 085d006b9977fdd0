package org.grassroots.crm.petitions;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.jobs.JobHandler;
import org.grassroots.crm.petitions.internal.ImportUploads;
import org.grassroots.crm.petitions.internal.MappingJson;
import org.grassroots.crm.plugin.api.jobs.JobContext;
import org.grassroots.crm.plugin.api.petitions.CsvOptions;
import org.grassroots.crm.plugin.api.petitions.FieldMapping;
import org.grassroots.crm.plugin.api.petitions.ImportSummary;
import org.grassroots.crm.plugin.api.petitions.OptInPolicy;
import org.grassroots.crm.plugin.api.petitions.PetitionSource;
import org.grassroots.crm.plugin.api.petitions.SignatureBatch;
import org.grassroots.crm.plugin.api.petitions.SignatureImportRequest;
import org.grassroots.crm.pluginhost.PluginCalls;
import org.grassroots.crm.pluginhost.PluginExtension;
import org.springframework.stereotype.Component;

/**
 * Runs a dry run or an import started by the wizard: the plugin reads the uploaded file into a staged batch, and
 * the batch merges in one transaction. Any failure, a cancel or a crash leaves nothing behind. Never retried: an
 * attempt cut off by a dead instance fails, and staff start it again.
 */
@Component
class PetitionImportJob implements JobHandler {

    static final String PETITION = "petitionId";
    static final String UPLOAD = "uploadId";
    static final String FILE_NAME = "fileName";
    static final String FILE_SIZE = "fileSize";
    static final String PLUGIN = "pluginId";
    static final String EXTENSION = "extensionId";
    static final String CHARSET = "charset";
    static final String DELIMITER = "delimiter";
    static final String HEADERS = "headers";
    static final String MAPPING = "mapping";
    static final String SOURCE = "source";
    static final String OPT_IN = "optInPolicy";
    static final String FILL = "fillBlankFields";
    static final String DRY_RUN = "dryRun";

    private final PluginCalls plugins;
    private final ImportUploads uploads;
    private final SignatureImports imports;

    PetitionImportJob(PluginCalls plugins, ImportUploads uploads, SignatureImports imports) {
        this.plugins = plugins;
        this.uploads = uploads;
        this.imports = imports;
    }

    @Override
    public String type() {
        return PetitionImportService.JOB_TYPE;
    }

    @Override
    public void run(JobContext job) throws Exception {
        Map<String, String> p = job.parameters();
        String pluginId = p.get(PLUGIN);
        PluginExtension<PetitionSource> reader = plugins.extension(PetitionSource.class, pluginId, p.get(EXTENSION))
                .orElseThrow(() -> new IllegalStateException("The file reader " + p.get(EXTENSION) + " of plugin "
                        + pluginId + " is not running; enable the plugin and start the import again"));
        boolean dryRun = Boolean.parseBoolean(p.get(DRY_RUN));
        SignatureImportRequest request = new SignatureImportRequest(Long.parseLong(p.get(PETITION)),
                p.get(FILE_NAME), p.get(SOURCE), OptInPolicy.valueOf(p.get(OPT_IN)),
                Boolean.parseBoolean(p.get(FILL)), dryRun);
        CsvOptions options = new CsvOptions(p.containsKey(CHARSET) ? Charset.forName(p.get(CHARSET)) : null,
                p.containsKey(DELIMITER) ? p.get(DELIMITER).charAt(0) : null);
        FieldMapping mapping = MappingJson.read(p.get(MAPPING));
        List<String> headers = MappingJson.readList(p.get(HEADERS));
        ImportSummary summary;
        try (InputStream file = uploads.open(p.get(UPLOAD));
                SignatureBatch batch = imports.open(request, job.jobId(), job.requestedBy(), headers,
                        p.get(MAPPING), job::log)) {
            long rows = plugins.callInJob(pluginId, reader.extension(), "read",
                    source -> source.read(file, options, mapping, batch, job));
            job.checkCancelled();
            job.log("The file has " + rows + " rows; merging them");
            job.progress(-1, -1);
            summary = batch.finish();
        }
        report(job, summary, dryRun);
        if (!dryRun) {
            uploads.delete(p.get(UPLOAD));
        }
    }

    private static void report(JobContext job, ImportSummary summary, boolean dryRun) {
        String would = dryRun ? "would be " : "";
        job.count("rows", summary.rows());
        job.count(would + "new supporters", summary.newPeople());
        job.count("matched supporters", summary.matchedPeople());
        job.count(would + "new signatures", summary.newSignatures());
        job.count("already signed", summary.alreadySigned());
        job.count("duplicates in file", summary.duplicatesInFile());
        job.count("rejected", summary.rejected());
        job.count(would + "subscribed", summary.subscribed());
        job.count("opt-ins refused (unsubscribed earlier)", summary.protectedKept());
        job.progress(summary.rows(), summary.rows());
        job.log((dryRun ? "Dry run" : "Import") + " finished as batch #" + summary.batchId());
    }
}
