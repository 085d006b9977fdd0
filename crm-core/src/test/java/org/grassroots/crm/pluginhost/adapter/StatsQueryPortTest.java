package org.grassroots.crm.pluginhost.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.grassroots.crm.plugin.api.reports.Measure;
import org.grassroots.crm.plugin.api.reports.StatsFilter;
import org.grassroots.crm.plugin.api.reports.StatsQuery;
import org.grassroots.crm.pluginhost.PluginPortSource;
import org.grassroots.crm.pluginhost.PluginScope;
import org.grassroots.crm.reports.StatsRefreshService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/** Plugins get the reports feature's figures, with money judged by the user signed in on the calling thread. */
@SpringBootTest
class StatsQueryPortTest {

    @Autowired
    PluginPortSource<StatsQuery> port;

    @Autowired
    StatsRefreshService refreshes;

    private final StatsFilter year = new StatsFilter(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null,
            null, null);

    private StatsQuery stats() {
        return port.forPlugin(new PluginScope("state-reports", getClass().getClassLoader(), List::of));
    }

    @Test
    @WithMockUser(username = "analyst-port", roles = "ANALYST")
    void anAnalystGetsCountsButNoMoney() {
        assertThat(port.portType()).isEqualTo(StatsQuery.class);
        assertThat(stats().canSeeMoney()).isFalse();
        assertThat(stats().byState(year)).allSatisfy(f -> assertThat(f.donationTotal()).isNull());
        assertThatThrownBy(() -> stats().weekly(year, Measure.DONATION_TOTAL)).isInstanceOf(SecurityException.class);
    }

    @Test
    @WithMockUser(username = "fundraiser-port", roles = "FUNDRAISER")
    void aFundraiserSeesMoney() {
        assertThat(stats().canSeeMoney()).isTrue();
        assertThat(stats().weekly(year, Measure.DONATION_TOTAL)).isNotNull();
    }

    @Test
    @WithMockUser(username = "organizer-port", roles = "ORGANIZER")
    void refreshOnDemandIsABackgroundJob() {
        assertThat(refreshes.refreshNow()).isPositive();
    }
}
