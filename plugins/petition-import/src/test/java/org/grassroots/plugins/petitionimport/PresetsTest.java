package org.grassroots.plugins.petitionimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.plugins.petitionimport.Fixtures.REQUEST;
import static org.grassroots.plugins.petitionimport.Fixtures.utf8;

import java.io.IOException;
import java.time.Instant;

import org.grassroots.crm.plugin.api.petitions.CsvOptions;
import org.grassroots.crm.plugin.api.petitions.FilePreview;
import org.grassroots.crm.plugin.api.petitions.ImportedSignature;
import org.grassroots.crm.plugin.api.petitions.MappingPreset;
import org.grassroots.crm.plugin.api.petitions.SignatureBatch;
import org.grassroots.crm.plugin.api.testing.InMemoryImportSink;
import org.grassroots.crm.plugin.api.testing.RecordingJobContext;
import org.junit.jupiter.api.Test;

/** Each tool's export is recognised in preview, and its preset reads it. */
class PresetsTest {

    private static final String ACTION_NETWORK = """
            uuid,first_name,last_name,email,zip_code,can2_user_city,can2_state_abbreviated,can2_subscription_status
            a1,Ana,Lopez,ana@example.org,94110,San Francisco,CA,subscribed
            """;
    private static final String ACTIONKIT = """
            user_id,email,first_name,last_name,address1,address2,city,state,zip,created_at
            17,ana@example.org,Ana,Lopez,1 Main St,,San Francisco,CA,94110,2022-11-10 10:00:00
            """;
    private static final String CHANGE_ORG = """
            Name,City,State,Postal Code,Country,Signed On
            Ana María Lopez,San Francisco,California,94110,US,2022-11-10
            """;

    private final CsvPetitionSource source = new CsvPetitionSource();
    private final InMemoryImportSink sink = new InMemoryImportSink();

    @Test
    void offersTheKnownExportsAndAGenericTemplate() {
        assertThat(source.presets()).extracting(MappingPreset::id)
                .containsExactly("action-network", "actionkit", "change-org", "generic");
        assertThat(source.presets()).allSatisfy(preset -> assertThat(preset.name()).isNotBlank());
    }

    @Test
    void recognisesAnActionNetworkExportAndReadsIt() throws IOException {
        ImportedSignature signature = readWithMatchingPreset(ACTION_NETWORK, "action-network");

        assertThat(signature).isEqualTo(new ImportedSignature(2, "ana@example.org", "Ana", "Lopez", null, null, null,
                "San Francisco", "CA", "94110", null, null, null, null, null));
    }

    @Test
    void recognisesAnActionKitExportAndReadsIt() throws IOException {
        ImportedSignature signature = readWithMatchingPreset(ACTIONKIT, "actionkit");

        assertThat(signature).isEqualTo(new ImportedSignature(2, "ana@example.org", "Ana", "Lopez", null,
                "1 Main St", null, "San Francisco", "CA", "94110", null, null, null, null, null));
    }

    @Test
    void recognisesAChangeOrgExportAndSplitsTheName() throws IOException {
        ImportedSignature signature = readWithMatchingPreset(CHANGE_ORG, "change-org");

        assertThat(signature).isEqualTo(new ImportedSignature(2, null, "Ana María", "Lopez", null, null, null,
                "San Francisco", "California", "94110", Instant.parse("2022-11-10T00:00:00Z"), null, null, null,
                null));
    }

    @Test
    void theMostSpecificPresetWinsAndHeadersMatchIgnoringCase() throws IOException {
        String both = "EMAIL,FIRST_NAME,LAST_NAME,ZIP_CODE,CAN2_USER_CITY,CAN2_STATE_ABBREVIATED,ADDRESS1,CITY,STATE,"
                + "ZIP\n" + "a,b,c,d,e,f,g,h,i,j\n";

        assertThat(source.preview(utf8(both), CsvOptions.DETECT, 1).matchingPreset()).isEqualTo("actionkit");
    }

    @Test
    void theGenericTemplateIsNeverRecognisedOnItsOwn() throws IOException {
        String generic = "Email,First Name,Last Name,Phone,Address,Address 2,City,State,ZIP,Signed At,Comment,ID,"
                + "Opt-in,Source\n" + "a@example.org,,,,,,,,,,,,,\n";

        FilePreview preview = source.preview(utf8(generic), CsvOptions.DETECT, 1);

        assertThat(preview.matchingPreset()).isNull();
        assertThat(preview.suggested()).as("the suggestions cover it").isEqualTo(generic().mapping());
    }

    private ImportedSignature readWithMatchingPreset(String file, String presetId) throws IOException {
        FilePreview preview = source.preview(utf8(file), CsvOptions.DETECT, 1);
        assertThat(preview.matchingPreset()).isEqualTo(presetId);
        MappingPreset preset = source.presets().stream().filter(p -> p.id().equals(presetId)).findFirst()
                .orElseThrow();
        try (SignatureBatch batch = sink.open(REQUEST)) {
            source.read(utf8(file), CsvOptions.DETECT, preset.mapping(), batch, new RecordingJobContext());
        }
        return sink.lastBatch().signatures().getFirst();
    }

    private MappingPreset generic() {
        return source.presets().stream().filter(p -> p.id().equals("generic")).findFirst().orElseThrow();
    }
}
