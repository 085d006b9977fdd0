package org.grassroots.crm.petitions;

import java.util.List;

import org.grassroots.crm.plugin.api.petitions.CsvOptions;
import org.grassroots.crm.plugin.api.petitions.FieldMapping;
import org.grassroots.crm.plugin.api.petitions.OptInPolicy;

/**
 * Everything the wizard has chosen for one import or dry run.
 *
 * @param petitionId      the petition signed
 * @param upload          the uploaded file
 * @param reader          the extension that reads it
 * @param options         encoding and delimiter, as detected or chosen in the preview
 * @param headers         the file's header row, as the preview read it
 * @param mapping         which column feeds which field; e-mail must be mapped
 * @param source          the source name: recorded on new supporters and signatures, and the mapping is saved under it
 * @param optInPolicy     how to treat e-mail consent
 * @param fillBlankFields whether existing supporters' empty fields are filled from the file
 * @param dryRun          check and count only
 */
public record ImportSetup(long petitionId, ImportUpload upload, SignatureFileReader reader, CsvOptions options,
        List<String> headers, FieldMapping mapping, String source, OptInPolicy optInPolicy, boolean fillBlankFields,
        boolean dryRun) {

    public ImportSetup {
        headers = List.copyOf(headers);
    }
}
