package org.grassroots.crm.people;

/** Whose value a merged supporter keeps for one field. */
public enum MergeChoice {
    SURVIVOR, DUPLICATE
}
