package org.grassroots.plugins.statereports;

import static org.grassroots.crm.plugin.api.reports.ColumnKind.COUNT;
import static org.grassroots.crm.plugin.api.reports.ColumnKind.DECIMAL;
import static org.grassroots.crm.plugin.api.reports.ColumnKind.MONEY;
import static org.grassroots.crm.plugin.api.reports.ColumnKind.PERCENT;
import static org.grassroots.crm.plugin.api.reports.ColumnKind.RATE;
import static org.grassroots.crm.plugin.api.reports.ColumnKind.TEXT;

import java.util.List;

import org.grassroots.crm.plugin.api.reports.ReportColumn;

/**
 * The columns of the state table, in display order. Their kinds are how core protects them: counts are masked when
 * small, the rates and changes computed from a count are hidden with it, amounts are removed for those who may not
 * see money.
 */
final class StateColumns {

    static final String FOCUS = "focus";
    static final String STATE = "state";
    static final String NAME = "name";
    static final String RESIDENTS = "residents";
    static final String SUPPORTERS = "supporters";
    static final String SUPPORTERS_PER_10K = "supportersPer10k";
    static final String SUPPORTERS_CHANGE = "supportersChange";
    static final String SUBSCRIBED = "subscribed";
    static final String NEW_SUPPORTERS = "newSupporters";
    static final String NEW_SUPPORTERS_CHANGE = "newSupportersChange";
    static final String SIGNATURES = "signatures";
    static final String SIGNATURES_PER_10K = "signaturesPer10k";
    static final String SIGNATURES_CHANGE = "signaturesChange";
    static final String DONORS = "donors";
    static final String DONATION_TOTAL = "donationTotal";
    static final String AVERAGE_GIFT = "averageGift";
    static final String ACTIVE_VOLUNTEERS = "activeVolunteers";
    static final String VOLUNTEER_HOURS = "volunteerHours";

    static final List<ReportColumn> ALL = List.of(
            ReportColumn.of(FOCUS, "Focus", TEXT),
            ReportColumn.of(STATE, "State", TEXT),
            ReportColumn.of(NAME, "Name", TEXT),
            ReportColumn.of(RESIDENTS, "Residents", COUNT),
            ReportColumn.of(SUPPORTERS, "Supporters", COUNT),
            new ReportColumn(SUPPORTERS_PER_10K, "Supporters per 10,000 residents", RATE, SUPPORTERS),
            new ReportColumn(SUPPORTERS_CHANGE, "Supporters, change %", PERCENT, SUPPORTERS),
            ReportColumn.of(SUBSCRIBED, "Subscribed", COUNT),
            ReportColumn.of(NEW_SUPPORTERS, "New in period", COUNT),
            new ReportColumn(NEW_SUPPORTERS_CHANGE, "New, change %", PERCENT, NEW_SUPPORTERS),
            ReportColumn.of(SIGNATURES, "Signatures", COUNT),
            new ReportColumn(SIGNATURES_PER_10K, "Signatures per 10,000 residents", RATE, SIGNATURES),
            new ReportColumn(SIGNATURES_CHANGE, "Signatures, change %", PERCENT, SIGNATURES),
            ReportColumn.of(DONORS, "Donors", COUNT),
            new ReportColumn(DONATION_TOTAL, "Donations", MONEY, DONORS),
            new ReportColumn(AVERAGE_GIFT, "Average gift", MONEY, DONORS),
            ReportColumn.of(ACTIVE_VOLUNTEERS, "Active volunteers", COUNT),
            new ReportColumn(VOLUNTEER_HOURS, "Volunteer hours", DECIMAL, ACTIVE_VOLUNTEERS));

    private StateColumns() {
    }

    /** The position of a column in {@link #ALL}. */
    static int indexOf(String key) {
        for (int i = 0; i < ALL.size(); i++) {
            if (ALL.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No column " + key);
    }
}
