package org.grassroots.crm.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.petitions.PetitionService;
import org.grassroots.crm.petitions.PetitionTitle;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.reports.internal.ReportAudience;
import org.grassroots.crm.reports.internal.ReportCsv;
import org.grassroots.crm.reports.internal.ReportFilterText;
import org.grassroots.crm.reports.internal.ReportPdf;
import org.grassroots.crm.reports.internal.ReportRunner;
import org.grassroots.crm.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Report files: CSV and PDF. An export runs the report afresh and is protected for the exporting user's role (money
 * columns) and always masks small counts, whatever the role, because a file travels. Each export is one audit event
 * (who, which report, the filters, the format), recorded before the file is written.
 */
@Service
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME, Role.VOLUNTEER_COORDINATOR_NAME,
        Role.ANALYST_NAME})
public class ReportExports {

    static final String TARGET = "report";

    private final ReportRunner runner;
    private final PetitionService petitions;
    private final AuditLog audit;

    ReportExports(ReportRunner runner, PetitionService petitions, AuditLog audit) {
        this.runner = runner;
        this.petitions = petitions;
        this.audit = audit;
    }

    /** Writes the report as CSV to {@code out}, which the caller closes. */
    public void writeCsv(String reportId, StatsFilter filter, OutputStream out) throws IOException {
        ReportRun run = exportRun(reportId, filter, ReportFormat.CSV);
        ReportCsv.write(run, describe(filter), out);
    }

    /**
     * Writes the report as PDF to {@code out}, which the caller closes.
     *
     * @param mapColumn the column the map colours states by (the one chosen on screen), or {@code null} for the
     *                  report's own choice
     */
    public void writePdf(String reportId, StatsFilter filter, @Nullable String mapColumn, OutputStream out)
            throws IOException {
        ReportRun run = exportRun(reportId, filter, ReportFormat.PDF);
        ReportPdf.write(run, describe(filter), mapColumn, out);
    }

    /** "state-overview-2026-08-26-to-2026-11-23.pdf". */
    public static String fileName(String reportId, StatsFilter filter, ReportFormat format) {
        String name = reportId.substring(reportId.indexOf('.') + 1).replaceAll("[^a-z0-9-]", "-");
        return name + "-" + filter.from() + "-to-" + filter.to() + "." + format.extension();
    }

    private ReportRun exportRun(String reportId, StatsFilter filter, ReportFormat format) {
        ReportRun run = runner.run(reportId, filter, ReportAudience.inExport(runner.threshold()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("report", run.report().name());
        details.put("format", format.name());
        details.put("from", filter.from().toString());
        details.put("to", filter.to().toString());
        if (filter.petitionId() != null) {
            details.put("petitionId", filter.petitionId());
        }
        if (filter.tag() != null) {
            details.put("tag", filter.tag());
        }
        if (filter.source() != null) {
            details.put("source", filter.source());
        }
        details.put("rows", run.rows().size());
        audit.record(AuditEntry.of(AuditAction.REPORT_EXPORTED, TARGET, reportId, details));
        return run;
    }

    private String describe(StatsFilter filter) {
        LongFunction<String> title = id -> petitions.titles().stream().filter(p -> p.id() == id)
                .map(PetitionTitle::title).findFirst().orElse("#" + id);
        return ReportFilterText.describe(filter, title);
    }
}
