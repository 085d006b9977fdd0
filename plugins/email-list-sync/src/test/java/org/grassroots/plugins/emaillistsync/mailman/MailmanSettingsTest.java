package org.grassroots.plugins.emaillistsync.mailman;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.plugin.api.settings.SettingField;
import org.grassroots.crm.plugin.api.settings.SettingProblem;
import org.grassroots.crm.plugin.api.settings.SettingType;
import org.junit.jupiter.api.Test;

class MailmanSettingsTest {

    private static Map<String, String> complete() {
        Map<String, String> values = new HashMap<>();
        values.put(MailmanSettings.BASE_URL, "http://127.0.0.1:8001/3.1");
        values.put(MailmanSettings.USER, "restadmin");
        values.put(MailmanSettings.PASSWORD, "secret");
        values.put(MailmanSettings.LIST_ID, "supporters.example.org");
        return values;
    }

    private static List<String> keys(List<SettingProblem> problems) {
        return problems.stream().map(SettingProblem::key).toList();
    }

    @Test
    void connectionFieldsComeFirstThenTheSegment() {
        List<SettingField> fields = MailmanSettings.fields();

        assertThat(fields).extracting(SettingField::key).containsExactly("mailman.baseUrl", "mailman.user",
                "mailman.password", "mailman.listId", "mailman.segment.tags", "mailman.segment.states",
                "mailman.segment.petition", "mailman.schedule");
        assertThat(fields).extracting(SettingField::type).startsWith(SettingType.URL, SettingType.TEXT,
                SettingType.SECRET, SettingType.TEXT);
        assertThat(fields).noneMatch(SettingField::required);
    }

    @Test
    void emptyOrCompleteSettingsAreValid() {
        assertThat(MailmanSettings.validate(Map.of())).isEmpty();
        assertThat(MailmanSettings.validate(complete())).isEmpty();
    }

    @Test
    void onceOneConnectionFieldIsFilledAllAreAskedFor() {
        List<SettingProblem> problems =
                MailmanSettings.validate(Map.of(MailmanSettings.LIST_ID, "supporters.example.org"));

        assertThat(keys(problems))
                .containsExactly(MailmanSettings.BASE_URL, MailmanSettings.USER, MailmanSettings.PASSWORD);
        assertThat(problems.getFirst().message())
                .isEqualTo("Fill in \"Mailman REST API URL\" too, or clear all four Mailman connection fields.");
    }

    @Test
    void theUrlEndsWithTheApiVersion() {
        Map<String, String> values = complete();
        values.put(MailmanSettings.BASE_URL, "http://127.0.0.1:8001");
        assertThat(MailmanSettings.validate(values)).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo(MailmanSettings.BASE_URL);
            assertThat(problem.message()).startsWith("End the URL with the REST API version");
        });

        values.put(MailmanSettings.BASE_URL, "https://lists.example.org/mailman/3.0/");
        assertThat(MailmanSettings.validate(values)).isEmpty();

        values.put(MailmanSettings.BASE_URL, "ftp://lists.example.org/3.1");
        assertThat(keys(MailmanSettings.validate(values))).containsExactly(MailmanSettings.BASE_URL);
    }

    @Test
    void theListIsAListIdOrAnAddress() {
        assertThat(MailmanSettings.normaliseListId("supporters.example.org")).contains("supporters.example.org");
        assertThat(MailmanSettings.normaliseListId(" Supporters@Example.org ")).contains("supporters.example.org");
        assertThat(MailmanSettings.normaliseListId("iowa-team.lists.example.org"))
                .contains("iowa-team.lists.example.org");
        assertThat(MailmanSettings.normaliseListId("supporters")).isEmpty();
        assertThat(MailmanSettings.normaliseListId("a@b@example.org")).isEmpty();
        assertThat(MailmanSettings.normaliseListId("sup porters.example.org")).isEmpty();

        Map<String, String> values = complete();
        values.put(MailmanSettings.LIST_ID, "supporters");
        assertThat(MailmanSettings.validate(values)).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo(MailmanSettings.LIST_ID);
            assertThat(problem.message()).contains("supporters.example.org").contains("supporters@example.org");
        });
    }

    @Test
    void theSegmentIsValidatedToo() {
        Map<String, String> values = complete();
        values.put(MailmanSettings.SEGMENT.statesKey(), "IA, XX");

        assertThat(keys(MailmanSettings.validate(values))).containsExactly("mailman.segment.states");
    }
}
