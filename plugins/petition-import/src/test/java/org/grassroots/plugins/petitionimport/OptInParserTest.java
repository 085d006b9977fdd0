package org.grassroots.plugins.petitionimport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptInParserTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"yes", "Yes", "Y", "y", "true", "TRUE", "t", "1", "x", "X", "on", "opted in", "Opted-In",
            "opted_in", "opt in", "Opt-in", "subscribed", "Subscribed"})
    void yes(String text) {
        assertThat(OptInParser.parse(text)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"no", "No", "N", "false", "FALSE", "f", "0", "off", "Off", "opted out", "Opted-Out",
            "opt out", "unsubscribed", "UNSUBSCRIBED"})
    void no(String text) {
        assertThat(OptInParser.parse(text)).isFalse();
    }

    @Test
    void anEmptyCellIsNo() {
        assertThat(OptInParser.parse(null)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"maybe", "2", "-1", "yes please", "si", "bouncing", "spam complaint", "nope", "ok"})
    void anythingElseIsNeither(String text) {
        assertThat(OptInParser.parse(text)).isNull();
    }
}
