package org.grassroots.crm.reports;

import java.util.List;

import org.grassroots.crm.petitions.PetitionTitle;

/**
 * What the report filters offer to pick from.
 *
 * @param petitions every petition, newest first
 * @param tags      every tag name; empty for analysts, who type a tag instead (the tag list is supporter data)
 */
public record ReportFilterChoices(List<PetitionTitle> petitions, List<String> tags) {

    public ReportFilterChoices {
        petitions = List.copyOf(petitions);
        tags = List.copyOf(tags);
    }
}
