package org.grassroots.crm.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class ZipCodesTest {

    @Autowired
    ZipCodes zipCodes;

    @Autowired
    JdbcClient jdbc;

    @Test
    void normalisesZipAndZipPlusFour() {
        assertThat(ZipCodes.normalise("78701-9779")).contains("787019779");
        assertThat(ZipCodes.normalise(" 30303 ")).contains("30303");
        assertThat(ZipCodes.normalise("2134")).contains("02134");
        assertThat(ZipCodes.normalise("ABCDE")).isEmpty();
        assertThat(ZipCodes.normalise("1234567")).isEmpty();
    }

    @Test
    void showsZipPlusFourWithItsDash() {
        assertThat(ZipCodes.display("852583771")).isEqualTo("85258-3771");
        assertThat(ZipCodes.display("50309")).isEqualTo("50309");
        assertThat(ZipCodes.display(null)).isNull();
    }

    @Test
    void findsTheStateFromTheFirstThreeDigits() {
        assertThat(zipCodes.stateOf("033012486")).contains(UsState.NH);
        assertThat(zipCodes.stateOf("78701")).contains(UsState.TX);
        assertThat(zipCodes.stateOf("30303")).contains(UsState.GA);
        assertThat(zipCodes.stateOf("02134")).contains(UsState.MA);
        assertThat(zipCodes.stateOf("50301")).contains(UsState.IA);
        assertThat(zipCodes.stateOf("89501")).contains(UsState.NV);
        assertThat(zipCodes.stateOf("29201")).contains(UsState.SC);
        assertThat(zipCodes.stateOf("00000")).isEmpty();
    }

    @Test
    void everyPrefixInTheTableIsAKnownState() {
        var states = jdbc.sql("SELECT DISTINCT state FROM zip3_state").query(String.class).list();
        assertThat(states).allSatisfy(code -> assertThat(UsState.parse(code)).isPresent());
        assertThat(jdbc.sql("SELECT count(*) FROM zip3_state").query(Long.class).single()).isGreaterThan(850);
    }

    @Test
    void parsesCodesAndNames() {
        assertThat(UsState.parse("tx")).contains(UsState.TX);
        assertThat(UsState.parse("New  York")).contains(UsState.NY);
        assertThat(UsState.parse("Narnia")).isEmpty();
        assertThat(UsState.parse("")).isEmpty();
    }
}
