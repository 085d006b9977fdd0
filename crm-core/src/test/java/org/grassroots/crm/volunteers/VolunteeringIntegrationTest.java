package org.grassroots.crm.volunteers;

import static org.grassroots.crm.TestSecurity.signInAs;

import org.grassroots.crm.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/** The volunteering services on the embedded PostgreSQL, each test signed in as a volunteer coordinator. */
@SpringBootTest
abstract class VolunteeringIntegrationTest {

    @Autowired
    VolunteerService volunteers;

    @Autowired
    SkillService skills;

    @Autowired
    EventService events;

    @Autowired
    SignupService signups;

    @Autowired
    JdbcClient jdbc;

    VolunteeringFixtures fixtures;

    @BeforeEach
    void signIn() {
        fixtures = new VolunteeringFixtures(jdbc);
        signInAs("coordinator", Role.VOLUNTEER_COORDINATOR);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }
}
