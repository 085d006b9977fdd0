package org.grassroots.crm.volunteers;

/** An entry of the managed skill list; an inactive skill stays on the volunteers who have it but is not offered. */
public record Skill(long id, String name, boolean active) {
}
