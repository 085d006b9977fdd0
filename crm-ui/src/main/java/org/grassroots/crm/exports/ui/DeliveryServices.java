package org.grassroots.crm.exports.ui;

import org.grassroots.crm.exports.ExportDeliveryService;
import org.grassroots.crm.exports.ExportLinkService;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.ui.LiveUpdates;

/** What the File card of an export's page works with: producing and withdrawing, links, and the job's progress. */
record DeliveryServices(ExportDeliveryService delivery, ExportLinkService links, JobService jobs,
        LiveUpdates liveUpdates) {
}
