package org.grassroots.crm;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The core without the web UI, for integration tests against the embedded PostgreSQL. */
@SpringBootApplication
public class CoreTestApplication {
}
