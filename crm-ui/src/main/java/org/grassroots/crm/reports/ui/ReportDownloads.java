package org.grassroots.crm.reports.ui;

import java.util.function.Supplier;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.reports.ReportExports;
import org.grassroots.crm.reports.ReportFormat;

/**
 * Download CSV and Download PDF: each runs the report afresh for the filters applied on screen, streams the file
 * to the browser, and is audited by core. Small counts are masked in every file, whatever the role.
 */
class ReportDownloads extends HorizontalLayout {

    final Anchor csv;
    final Anchor pdf;

    ReportDownloads(String reportId, ReportExports exports, Supplier<StatsFilter> filter,
            Supplier<String> mapColumn) {
        addClassName("report-downloads");
        csv = link("Download CSV", event -> {
            StatsFilter applied = filter.get();
            event.setFileName(ReportExports.fileName(reportId, applied, ReportFormat.CSV));
            event.setContentType(ReportFormat.CSV.contentType());
            exports.writeCsv(reportId, applied, event.getOutputStream());
        });
        pdf = link("Download PDF", event -> {
            StatsFilter applied = filter.get();
            event.setFileName(ReportExports.fileName(reportId, applied, ReportFormat.PDF));
            event.setContentType(ReportFormat.PDF.contentType());
            exports.writePdf(reportId, applied, mapColumn.get(), event.getOutputStream());
        });
        add(csv, pdf);
    }

    private static Anchor link(String text, DownloadHandler handler) {
        Anchor link = new Anchor(handler, "");
        link.setDownload(true);
        link.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(text));
        link.addClassName("report-download");
        return link;
    }
}
