package org.grassroots.crm.petitions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void aTitleBecomesLowerCaseWordsJoinedBySingleDashes() {
        assertThat(Slugs.fromTitle("  Save Café Brûlé — now!! ")).isEqualTo("save-cafe-brule-now");
        assertThat(Slugs.fromTitle("Medicaid 4 All / Iowa")).isEqualTo("medicaid-4-all-iowa");
        assertThat(Slugs.fromTitle("¡¿!")).isEmpty();
    }

    @Test
    void longSlugsAreCutAtTheLimitWithoutATrailingDash() {
        String slug = Slugs.fromTitle("word ".repeat(40));
        assertThat(slug).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).doesNotEndWith("-");
        assertThat(Slugs.isValid(slug)).isTrue();
        String numbered = Slugs.numbered(slug, 12);
        assertThat(numbered).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).endsWith("-12");
        assertThat(Slugs.isValid(numbered)).isTrue();
    }

    @Test
    void validSlugsAreLowerCaseLettersDigitsAndSingleDashes() {
        assertThat(Slugs.isValid("save-the-river-2")).isTrue();
        assertThat(Slugs.isValid("Save-the-river")).isFalse();
        assertThat(Slugs.isValid("-river")).isFalse();
        assertThat(Slugs.isValid("river--2")).isFalse();
        assertThat(Slugs.isValid("x".repeat(81))).isFalse();
    }
}
