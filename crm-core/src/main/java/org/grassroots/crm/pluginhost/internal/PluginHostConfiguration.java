package org.grassroots.crm.pluginhost.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code crm.plugins.*}; the host's beans are components of this package. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PluginHostProperties.class)
class PluginHostConfiguration {
}
