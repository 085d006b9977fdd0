package org.grassroots.crm.people;

/** The orders the supporters list offers; each ends with the id as tiebreaker so paging is stable. */
public enum PersonSort {
    NAME, STATE, CREATED, ID
}
