package org.grassroots.crm.demo;

import java.time.Duration;

/** What a demo data run wrote and how long it took. */
public record DemoDataReport(int supporters, long seed, Duration took) {
}
