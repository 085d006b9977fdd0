package org.grassroots.crm.demo;

/**
 * Published once {@code --demo-data=N} has loaded its supporters at start-up, so features that keep derived data
 * (the report statistics) can rebuild it instead of waiting for their next scheduled refresh.
 *
 * @param supporters how many supporters were loaded
 */
public record DemoDataLoaded(int supporters) {
}
