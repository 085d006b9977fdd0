package org.grassroots.crm.petitions;

/** A petition as filters offer it: its id and title, which name a campaign, not a person. */
public record PetitionTitle(long id, String title) {
}
