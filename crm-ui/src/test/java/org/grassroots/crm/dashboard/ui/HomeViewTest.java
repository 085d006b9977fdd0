package org.grassroots.crm.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.people.SupporterStatsService;
import org.grassroots.crm.volunteers.VolunteeringDashboard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
class HomeViewTest extends SpringBrowserlessTest {

    @Autowired
    AuditLog audit;

    @Autowired
    SupporterStatsService supporterStats;

    @Autowired
    VolunteeringDashboard volunteering;

    private static final List<String> AGGREGATES = List.of(HomeView.SUPPORTERS_CARD, HomeView.SUBSCRIBED_CARD,
            HomeView.VOLUNTEERS_CARD, HomeView.EVENTS_CARD, HomeView.HOURS_CARD, HomeView.STAFF_CARD);

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void adminSeesStaffAndSignInCardsWithRealCounts() {
        audit.record(new AuditEntry("home-test", AuditAction.LOGIN_FAILED, "user", "home-test", "192.0.2.1", Map.of()));
        Instant since = Instant.now().minus(Duration.ofHours(24)).plusSeconds(60);
        long failedAtLeast = audit.countSince(AuditAction.LOGIN_FAILED, since)
                + audit.countSince(AuditAction.LOGIN_LOCKED, since);

        navigate(HomeView.class);

        assertThat($(H2.class).single().getText()).isEqualTo("Welcome, admin");
        assertThat(cardLabels()).containsSubsequence(AGGREGATES);
        assertThat(cardLabels()).endsWith(HomeView.STAFF_CARD, HomeView.SIGN_INS_CARD,
                HomeView.FAILED_SIGN_INS_CARD);
        assertThat(cardValue(HomeView.STAFF_CARD)).as("the first admin exists").isGreaterThanOrEqualTo(1);
        assertThat(cardValue(HomeView.FAILED_SIGN_INS_CARD)).isGreaterThanOrEqualTo(failedAtLeast)
                .isGreaterThanOrEqualTo(1);
        assertThat($(Anchor.class).all()).extracting(Anchor::getHref)
                .contains("audit?action=LOGIN_SUCCEEDED", "audit?action=LOGIN_FAILED", "audit?action=LOGIN_LOCKED");
        assertThat(pageText()).contains(Role.ADMIN.label(), Role.ADMIN.description());
    }

    @Test
    @WithMockUser(username = "olivia", roles = "ORGANIZER")
    void organizerSeesTheAggregatesButNotTheSignInCards() {
        navigate(HomeView.class);

        assertThat($(H2.class).single().getText()).isEqualTo("Welcome, olivia");
        assertThat(cardLabels()).isEqualTo(AGGREGATES);
        assertThat(pageText()).contains(Role.ORGANIZER.description()).doesNotContain(Role.ADMIN.label());
    }

    @Test
    @WithMockUser(username = "andy", roles = {"ANALYST", "FUNDRAISER"})
    void analystSeesTheAggregatesAndEachRoleHeld() {
        navigate(HomeView.class);

        assertThat(cardLabels()).isEqualTo(AGGREGATES);
        assertThat(pageText()).contains(Role.ANALYST.description(), Role.FUNDRAISER.description());
        assertThat($(Anchor.class).all()).extracting(Anchor::getHref).noneMatch(href -> href.startsWith("audit"));
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void supporterAndVolunteerCountsComeFromTheDatabase() {
        navigate(HomeView.class);

        assertThat(cardValue(HomeView.SUPPORTERS_CARD)).isEqualTo(supporterStats.counts().activeSupporters());
        assertThat(cardValue(HomeView.SUBSCRIBED_CARD)).isEqualTo(supporterStats.counts().subscribedSupporters());
        assertThat(cardValue(HomeView.VOLUNTEERS_CARD)).isEqualTo(volunteering.totals().activeVolunteers());
        assertThat(cardValue(HomeView.EVENTS_CARD)).isEqualTo(volunteering.totals().upcomingEvents());
    }

    private List<String> cardLabels() {
        return $(Div.class).withClassName("stat-card").all().stream()
                .map(card -> card.getChildren().filter(child -> child.getElement().getClassList().contains("stat-label")).findFirst()
                        .orElseThrow().getElement().getText())
                .toList();
    }

    private long cardValue(String label) {
        Div card = $(Div.class).withClassName("stat-card").all().stream()
                .filter(candidate -> candidate.getElement().getTextRecursively().contains(label))
                .findFirst().orElseThrow();
        String value = card.getChildren().filter(child -> child.getElement().getClassList().contains("stat-value")).findFirst()
                .orElseThrow().getElement().getText();
        return Long.parseLong(value.replace(",", ""));
    }

    private String pageText() {
        return getCurrentView().getElement().getTextRecursively();
    }
}
