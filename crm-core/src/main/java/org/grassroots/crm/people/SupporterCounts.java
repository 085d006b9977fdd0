package org.grassroots.crm.people;

/** Dashboard totals: active supporters (not merged, not erased) and those whose primary address is subscribed. */
public record SupporterCounts(long activeSupporters, long subscribedSupporters) {
}
