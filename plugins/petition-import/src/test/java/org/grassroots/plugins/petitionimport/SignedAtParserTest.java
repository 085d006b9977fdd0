package org.grassroots.plugins.petitionimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignedAtParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2022-11-10T10:00:00Z          | 2022-11-10T10:00:00Z
            2022-11-10T10:00:00.250Z      | 2022-11-10T10:00:00.250Z
            2022-11-10t10:00:00z          | 2022-11-10T10:00:00Z
            2022-11-10T12:00:00+02:00     | 2022-11-10T10:00:00Z
            2022-11-10T12:00:00+0200      | 2022-11-10T10:00:00Z
            2022-11-10T05:00:00-05        | 2022-11-10T10:00:00Z
            2022-11-10 12:00:00+02:00     | 2022-11-10T10:00:00Z
            2022-11-10 10:00:00           | 2022-11-10T10:00:00Z
            2022-11-10 10:00              | 2022-11-10T10:00:00Z
            2022-11-10T10:00:00           | 2022-11-10T10:00:00Z
            2022-11-10T10:00              | 2022-11-10T10:00:00Z
            2022-11-10 10:00:00 UTC       | 2022-11-10T10:00:00Z
            2022-11-10                    | 2022-11-10T00:00:00Z
            11/10/2022                    | 2022-11-10T00:00:00Z
            1/5/2022 9:07                 | 2022-01-05T09:07:00Z
            01/05/2022 09:07:30           | 2022-01-05T09:07:30Z
            11/10/2022 14:05:09           | 2022-11-10T14:05:09Z
            11/10/2022 2:05 PM            | 2022-11-10T14:05:00Z
            11/10/2022 2:05:30 pm         | 2022-11-10T14:05:30Z
            11/10/2022 12:05 AM           | 2022-11-10T00:05:00Z
            11/10/2022 12:05 PM           | 2022-11-10T12:05:00Z
            11/10/2022 2:05PM             | 2022-11-10T14:05:00Z
            2024-02-29 23:59:59           | 2024-02-29T23:59:59Z
            """)
    void readsTheCommonFormsAndTakesLocalTimesAsUtc(String text, Instant expected) {
        assertThat(SignedAtParser.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"yesterday", "2022-02-30", "2023-02-29 10:00", "2022-13-01 10:00", "2022-11-10 25:00",
            "2022-11-10 10:60", "2022-11-10X10:00", "2022-11-10 10", "2022/11/10", "13/10/2022", "11/31/2022",
            "11/10/22", "11/10/2022 13:00 PM", "11/10/2022 2 PM", "10:00", "20221110", "2022-11-10 10:00:00 CET",
            "Nov 10, 2022", "0", "PM"})
    void refusesWhatIsNotADate(String text) {
        assertThat(SignedAtParser.parse(text)).isNull();
    }
}
