package org.grassroots.crm.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --demo-data=N} on the command line loads N synthetic supporters (with their donations and volunteering)
 * at start-up; {@code --demo-seed=S} makes a different but repeatable set. Runs after the first admin exists, and
 * announces {@link DemoDataLoaded} when done (the benchmarks call {@link DemoDataService} directly and time the
 * statistics refresh themselves, so the service does not announce it).
 */
@Component
@Order(100)
class DemoDataRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);

    private final DemoDataService demoData;
    private final ApplicationEventPublisher events;

    DemoDataRunner(DemoDataService demoData, ApplicationEventPublisher events) {
        this.demoData = demoData;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> requested = args.getOptionValues("demo-data");
        if (requested == null || requested.isEmpty()) {
            return;
        }
        int supporters = parse("--demo-data", requested.getFirst());
        List<String> seeds = args.getOptionValues("demo-seed");
        long seed = seeds == null || seeds.isEmpty() ? 42 : parse("--demo-seed", seeds.getFirst());
        log.info("Loading demo data: {} supporters (seed {})", supporters, seed);
        DemoDataReport report = demoData.generate(supporters, seed, step -> log.info("Demo data: {}", step));
        log.info("Demo data loaded: {} supporters in {} s", report.supporters(), report.took().toSeconds());
        events.publishEvent(new DemoDataLoaded(report.supporters()));
    }

    private static int parse(String option, String value) {
        try {
            return Integer.parseInt(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'", e);
        }
    }
}
