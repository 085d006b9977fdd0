package org.grassroots.crm.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.grassroots.crm.TestSecurity;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.jobs.JobSummary;
import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** A full statistics rebuild is costly (about a minute at 1.2M supporters), so only admins and organizers start one. */
@SpringBootTest
class StatsRefreshServiceTest {

    @Autowired
    StatsRefreshService refreshes;

    @Autowired
    JobService jobs;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void analystsFundraisersAndCoordinatorsAreRefused() {
        for (Role role : List.of(Role.ANALYST, Role.FUNDRAISER, Role.VOLUNTEER_COORDINATOR)) {
            TestSecurity.signInAs("refresh-" + role.name().toLowerCase(), role);

            assertThatThrownBy(refreshes::refreshNow).as(role.name()).isInstanceOf(AccessDeniedException.class);
        }
        SecurityContextHolder.clearContext();
        assertThatThrownBy(refreshes::refreshNow).as("nobody signed in")
                .isInstanceOf(org.springframework.security.core.AuthenticationException.class);
    }

    @Test
    void adminsAndOrganizersQueueARefreshJob() {
        for (Role role : List.of(Role.ORGANIZER, Role.ADMIN)) {
            String user = "refresh-" + role.name().toLowerCase();
            TestSecurity.signInAs(user, role);

            long id = refreshes.refreshNow();

            JobSummary job = jobs.find(id).orElseThrow();
            assertThat(job.type()).isEqualTo("stats-refresh");
            assertThat(job.requestedBy()).isEqualTo(user);
        }
    }
}
