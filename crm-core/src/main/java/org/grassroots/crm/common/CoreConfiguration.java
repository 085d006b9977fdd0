package org.grassroots.crm.common;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** Defaults every application that embeds the core shares; {@code application.properties} may override them. */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:crm-core.properties")
class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
