package org.grassroots.crm.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database before any bean exists: an external PostgreSQL when {@code CRM_DB_URL} (or
 * {@code spring.datasource.url}) is set, otherwise an embedded PostgreSQL whose data directory survives restarts.
 *
 * <p>Starting the server here, rather than in a bean, lets Spring Boot's own DataSource, Flyway and JPA configuration
 * work unchanged on either path. The embedded server is one per JVM, so every test context in a test run shares it.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String EMBEDDED_DIR = "crm.db.embedded-dir";
    static final String EPHEMERAL = "crm.db.embedded-ephemeral";
    static final String DEFAULT_DIR = "data/postgres";
    private static final String DATABASE = "postgres";

    private final Log log;

    public EmbeddedPostgresEnvironment(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedPostgresEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> properties = new HashMap<>();
        String externalUrl = environment.getProperty("CRM_DB_URL");
        if (hasText(externalUrl)) {
            properties.put("spring.datasource.url", externalUrl);
            putIfText(properties, "spring.datasource.username", environment.getProperty("CRM_DB_USER"));
            putIfText(properties, "spring.datasource.password", environment.getProperty("CRM_DB_PASSWORD"));
            log.info("Using external PostgreSQL at " + externalUrl);
        } else if (!hasText(environment.getProperty("spring.datasource.url"))) {
            boolean ephemeral = environment.getProperty(EPHEMERAL, Boolean.class, false);
            Path dir = ephemeral ? null : Path.of(environment.getProperty(EMBEDDED_DIR, DEFAULT_DIR)).toAbsolutePath();
            EmbeddedPostgres server = EmbeddedServerHolder.start(dir);
            properties.put("spring.datasource.url", server.getJdbcUrl("postgres", DATABASE));
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "");
            log.info(ephemeral ? "Started a throw-away embedded PostgreSQL on port " + server.getPort()
                    : "Started embedded PostgreSQL on port " + server.getPort() + " with data in " + dir);
        }
        if (!properties.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("crmDatabase", properties));
        }
    }

    @Override
    public int getOrder() {
        // after config files and the environment are read, so CRM_DB_URL from either is seen
        return Ordered.LOWEST_PRECEDENCE;
    }

    private static void putIfText(Map<String, Object> properties, String key, String value) {
        if (hasText(value)) {
            properties.put(key, value);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    /** One embedded server per JVM; stopped by a shutdown hook. */
    static final class EmbeddedServerHolder {
        private static EmbeddedPostgres server;
        private static Path serverDir;

        static synchronized EmbeddedPostgres start(Path dataDir) {
            if (server != null) {
                if (dataDir != null && !dataDir.equals(serverDir)) {
                    throw new IllegalStateException("An embedded PostgreSQL with data in " + serverDir
                            + " is already running in this JVM; cannot start another for " + dataDir);
                }
                return server;
            }
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("max_connections", "100")
                        .setServerConfig("shared_buffers", "256MB");
                if (dataDir != null) {
                    Files.createDirectories(dataDir);
                    // the library starts PostgreSQL tuned for throw-away test data (fsync off); data kept
                    // between runs must survive a crash, so durability is switched back on
                    builder.setDataDirectory(dataDir).setCleanDataDirectory(false)
                            .setServerConfig("fsync", "on")
                            .setServerConfig("synchronous_commit", "on");
                }
                server = builder.start();
                serverDir = dataDir;
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedServerHolder::stop, "embedded-postgres-stop"));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL"
                        + (dataDir == null ? "" : " with data in " + dataDir) + ": " + e.getMessage(), e);
            }
        }

        private static synchronized void stop() {
            if (server != null) {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; nothing useful to do
                }
                server = null;
            }
        }
    }
}
