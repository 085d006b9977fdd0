package org.grassroots.crm;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Points {@link SecurityContextHolder} at the security context strategy of the application context a test runs in.
 * Vaadin gives every application context its own strategy (with its own thread-local) and installs it globally when
 * the context starts; after a test class with other properties has started a second context, a test of the first
 * context signing in through {@code SecurityContextHolder} would be invisible to that context's method security.
 * Registered in {@code META-INF/spring.factories}, so it changes no context's cache key.
 */
public class ContextSecurityStrategyListener extends AbstractTestExecutionListener {

    @Override
    public void prepareTestInstance(TestContext testContext) {
        testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                .ifUnique(SecurityContextHolder::setContextHolderStrategy);
    }
}
