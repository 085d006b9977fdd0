package org.grassroots.crm.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedPostgresEnvironmentTest {

    private final EmbeddedPostgresEnvironment processor = new EmbeddedPostgresEnvironment(Supplier<Log>::get);

    @Test
    void crmDbVariablesSelectAnExternalServer() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("CRM_DB_URL", "jdbc:postgresql://db.example:5432/crm")
                .withProperty("CRM_DB_USER", "crm")
                .withProperty("CRM_DB_PASSWORD", "s3cret");

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.example:5432/crm");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("crm");
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("s3cret");
    }

    @Test
    void anExplicitSpringDatasourceIsLeftAlone() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://other:5432/x");

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://other:5432/x");
        assertThat(environment.getPropertySources().contains("crmDatabase")).isFalse();
    }

    @Test
    void withoutConfigurationTheEmbeddedServerIsStartedAndReused() {
        MockEnvironment first = new MockEnvironment().withProperty(EmbeddedPostgresEnvironment.EPHEMERAL, "true");
        MockEnvironment second = new MockEnvironment().withProperty(EmbeddedPostgresEnvironment.EPHEMERAL, "true");

        processor.postProcessEnvironment(first, new SpringApplication());
        processor.postProcessEnvironment(second, new SpringApplication());

        assertThat(first.getProperty("spring.datasource.url")).startsWith("jdbc:postgresql://localhost:");
        assertThat(second.getProperty("spring.datasource.url")).isEqualTo(first.getProperty("spring.datasource.url"));
    }
}
