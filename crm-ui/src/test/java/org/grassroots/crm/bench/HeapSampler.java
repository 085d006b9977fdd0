package org.grassroots.crm.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/** Samples the used heap every 10 ms on a daemon thread; the peak is what the measured work needed at most. */
final class HeapSampler {

    private final AtomicLong peak = new AtomicLong();
    private volatile boolean running = true;

    HeapSampler() {
        Thread sampler = new Thread(() -> {
            while (running) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    void stop() {
        running = false;
    }

    long peak() {
        return peak.get();
    }
}
