package org.grassroots.crm.reports.internal;

import java.util.List;
import java.util.Optional;

/** The reports core can run: one per {@link org.grassroots.crm.plugin.api.reports.Report} of a started plugin. */
public interface ReportSources {

    /** The started reports, by id. */
    List<ReportSource> started();

    default Optional<ReportSource> find(String id) {
        return started().stream().filter(source -> source.info().id().equals(id)).findFirst();
    }
}
