package org.grassroots.crm.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.people.PersonService;
import org.grassroots.crm.petitions.PetitionService;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.reports.internal.ReportAudience;
import org.grassroots.crm.reports.internal.ReportRunner;
import org.grassroots.crm.security.Role;
import org.springframework.stereotype.Service;

/**
 * The reports of the started plugins ({@link org.grassroots.crm.plugin.api.reports.Report} extensions), run behind
 * the plugin host's fault barrier and protected before they leave core: money columns are removed for anyone but
 * fundraisers and admins; for a user whose only role is analyst, counts from 1 to the small-number threshold − 1
 * ({@code crm.reports.small-number-threshold}, default 10) show as {@code <10}, and so do the values derived from
 * them. Every staff role may view reports. Exports: {@link ReportExports}.
 */
@Service
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME, Role.VOLUNTEER_COORDINATOR_NAME,
        Role.ANALYST_NAME})
public class ReportService {

    /** The default period: the last 90 days, today included. */
    public static final int DEFAULT_DAYS = 90;

    private final ReportRunner runner;
    private final PetitionService petitions;
    private final PersonService people;

    ReportService(ReportRunner runner, PetitionService petitions, PersonService people) {
        this.runner = runner;
        this.petitions = petitions;
        this.people = people;
    }

    /** The reports of the started plugins, by plugin and report id. */
    public List<ReportInfo> reports() {
        return runner.reports();
    }

    public Optional<ReportInfo> find(String reportId) {
        return runner.find(reportId);
    }

    /**
     * Runs a report for the current user, protected for them.
     *
     * @throws org.grassroots.crm.common.InvalidInputException when no started plugin has that report
     * @throws org.grassroots.crm.plugin.api.PluginUnavailableException when the plugin fails (it is then out of use)
     */
    public ReportRun run(String reportId, StatsFilter filter) {
        return runner.run(reportId, filter, ReportAudience.onScreen(runner.threshold()));
    }

    /** The table behind one category of a report (a state's top ZIPs and cities), protected as {@link #run} is. */
    public Optional<ReportRun> drillDown(String reportId, String category, StatsFilter filter) {
        return runner.drillDown(reportId, category, filter, ReportAudience.onScreen(runner.threshold()));
    }

    /** Petitions and tags to filter by; analysts get petitions only (the tag list is supporter data). */
    public ReportFilterChoices filterChoices() {
        List<String> tags = ReportAudience.analystOnly() ? List.of() : people.allTags();
        return new ReportFilterChoices(petitions.titles(), tags);
    }

    /** The smallest count shown as is to analysts and in exports. */
    public int smallNumberThreshold() {
        return runner.threshold();
    }

    /** The filters a report opens with: the last {@value #DEFAULT_DAYS} days up to {@code today}, everyone. */
    public static StatsFilter defaultFilter(LocalDate today) {
        return new StatsFilter(today.minusDays(DEFAULT_DAYS - 1), today, null, null, null);
    }
}
