package org.grassroots.crm.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.grassroots.crm.plugin.api.settings.SettingField;
import org.grassroots.crm.plugin.api.settings.SettingType;
import org.junit.jupiter.api.Test;

class SettingRulesTest {

    @Test
    void integersMustParseAsInt() {
        SettingField size = SettingField.of("batch", "Batch size", SettingType.INTEGER, false);

        assertThat(SettingRules.problem(size, "500")).isEmpty();
        assertThat(SettingRules.problem(size, "-3")).isEmpty();
        assertThat(SettingRules.problem(size, "5.5")).hasValueSatisfying(m -> assertThat(m).startsWith("Batch size"));
        assertThat(SettingRules.problem(size, "99999999999")).isPresent();
    }

    @Test
    void urlsMustBeAbsoluteHttpOrHttps() {
        SettingField url = SettingField.of("endpoint", "API address", SettingType.URL, false);

        assertThat(SettingRules.problem(url, "https://us21.api.mailchimp.com/3.0")).isEmpty();
        assertThat(SettingRules.problem(url, "http://localhost:8080/hook")).isEmpty();
        assertThat(SettingRules.problem(url, "/relative/path")).isPresent();
        assertThat(SettingRules.problem(url, "ftp://example.org/")).isPresent();
        assertThat(SettingRules.problem(url, "https://")).isPresent();
        assertThat(SettingRules.problem(url, "https://exa mple.org")).isPresent();
        assertThat(SettingRules.problem(url, "javascript:alert(1)")).isPresent();
    }

    @Test
    void booleansChoicesAndCron() {
        SettingField flag = SettingField.of("dry", "Dry run", SettingType.BOOLEAN, false);
        SettingField region = new SettingField("region", "Region", SettingType.CHOICE, true, null, null,
                List.of("us", "eu"));
        SettingField cron = SettingField.of("schedule", "Schedule", SettingType.CRON, false);

        assertThat(SettingRules.normalise(flag, " TRUE ")).isEqualTo("true");
        assertThat(SettingRules.problem(flag, "true")).isEmpty();
        assertThat(SettingRules.problem(flag, "yes")).isPresent();
        assertThat(SettingRules.problem(region, "eu")).isEmpty();
        assertThat(SettingRules.problem(region, "EU")).hasValueSatisfying(m -> assertThat(m).contains("us, eu"));
        assertThat(SettingRules.problem(cron, "0 0 3 * * *")).isEmpty();
        assertThat(SettingRules.problem(cron, "0 3 * * *")).hasValueSatisfying(m -> assertThat(m).contains("six"));
    }

    @Test
    void singleLineTextRefusesLineBreaksButMultilineKeepsThem() {
        SettingField text = SettingField.of("from", "Sender name", SettingType.TEXT, false);
        SettingField notes = SettingField.of("notes", "Notes", SettingType.MULTILINE, false);

        assertThat(SettingRules.normalise(text, "  Ann  ")).isEqualTo("Ann");
        assertThat(SettingRules.normalise(notes, "  line 1\nline 2\n")).isEqualTo("  line 1\nline 2\n");
        assertThat(SettingRules.normalise(notes, " \n ")).isEmpty();
        assertThat(SettingRules.problem(text, "a\nb")).isPresent();
        assertThat(SettingRules.problem(notes, "a\nb")).isEmpty();
        SettingField pem = SettingField.of("key", "Private key", SettingType.SECRET, false);
        assertThat(SettingRules.problem(pem, "-----BEGIN KEY-----\nabc\n-----END KEY-----")).isEmpty();
        assertThat(SettingRules.problem(text, "x".repeat(SettingRules.MAX_LENGTH + 1))).isPresent();
    }
}
