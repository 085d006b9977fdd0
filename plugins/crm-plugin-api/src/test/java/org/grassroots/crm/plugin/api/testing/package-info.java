/**
 * In-memory fakes of every port of the plugin API, so a plugin's extensions can be unit-tested without the CRM, its
 * database or Spring. They keep the rules the CRM keeps where a plugin could notice the difference: the
 * {@link org.grassroots.crm.plugin.api.testing.InMemorySubscriptionLedger} refuses to re-subscribe a protected
 * address exactly as the CRM does, and {@link org.grassroots.crm.plugin.api.testing.InMemoryPluginStorage} has the
 * CRM's size limits.
 *
 * <p>Add them to a plugin's build as the API's test jar:
 * <pre>{@code
 * <dependency>
 *   <groupId>org.grassroots.crm</groupId>
 *   <artifactId>crm-plugin-api</artifactId>
 *   <version>${crm.version}</version>
 *   <type>test-jar</type>
 *   <scope>test</scope>
 * </dependency>
 * }</pre>
 * and build the extension under test with them, as the host would with the real ports:
 * <pre>{@code
 * var ledger = new InMemorySubscriptionLedger("email-list-sync");
 * ledger.addAddress(7, "ann@example.org", EmailStatus.UNSUBSCRIBED);
 * var task = new NightlySync(ledger, new InMemoryPluginSettings(fields).set("listId", "1a2b3c"));
 * task.run(new RecordingJobContext());
 * }</pre>
 *
 * <p>The fakes are not thread-safe unless a class says so; a plugin's unit test normally runs on one thread.
 */
@NullMarked
package org.grassroots.crm.plugin.api.testing;

import org.jspecify.annotations.NullMarked;
