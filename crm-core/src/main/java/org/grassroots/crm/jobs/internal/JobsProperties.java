package org.grassroots.crm.jobs.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crm.jobs.*}: how this instance runs background jobs (defaults in {@code crm-core.properties}).
 *
 * @param enabled          whether this instance runs jobs at all; when off it still accepts and records them
 * @param threads          jobs this instance runs at once
 * @param pollingInterval  how often it looks for due jobs (a job submitted here starts at once regardless)
 * @param heartbeatInterval how often a running job's claim is renewed; six missed heartbeats mark it dead, and
 *                         another instance runs it again
 * @param shutdownMaxWait  how long a stopping instance waits for running jobs before interrupting them
 * @param nodeName         this instance's name in job records; empty means {@code host:pid}
 */
@ConfigurationProperties("crm.jobs")
public record JobsProperties(
        boolean enabled,
        int threads,
        Duration pollingInterval,
        Duration heartbeatInterval,
        Duration shutdownMaxWait,
        String nodeName) {

    public JobsProperties {
        if (threads < 1) {
            throw new IllegalArgumentException("crm.jobs.threads must be at least 1, was " + threads);
        }
        if (pollingInterval == null || pollingInterval.isNegative() || pollingInterval.isZero()) {
            throw new IllegalArgumentException("crm.jobs.polling-interval must be positive");
        }
        nodeName = nodeName == null || nodeName.isBlank() ? defaultNodeName() : nodeName.trim();
    }

    private static String defaultNodeName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
