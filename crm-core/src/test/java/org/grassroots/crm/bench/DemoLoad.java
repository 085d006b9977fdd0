package org.grassroots.crm.bench;

import java.time.Duration;

import org.grassroots.crm.demo.DemoDataReport;
import org.grassroots.crm.demo.DemoDataService;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Loads demo data up to the benchmark size once per database; every benchmark of the run shares it. */
final class DemoLoad {

    private DemoLoad() {
    }

    static void ensure(DemoDataService demoData, JdbcClient jdbc, int supporters, Timings timings) {
        long present = jdbc.sql("SELECT count(*) FROM person WHERE demo").query(Long.class).single();
        if (present >= supporters) {
            return;
        }
        DemoDataReport report = demoData.generate(supporters - (int) present, 42, step -> { });
        Duration took = report.took();
        long donations = jdbc.sql("SELECT count(*) FROM donation").query(Long.class).single();
        long volunteers = jdbc.sql("SELECT count(*) FROM volunteer").query(Long.class).single();
        long signups = jdbc.sql("SELECT count(*) FROM signup").query(Long.class).single();
        timings.once(String.format("demo data: %,d supporters, %,d donations, %,d volunteers, %,d sign-ups",
                report.supporters(), donations, volunteers, signups), "< 180 s", took.toMillis());
    }
}
