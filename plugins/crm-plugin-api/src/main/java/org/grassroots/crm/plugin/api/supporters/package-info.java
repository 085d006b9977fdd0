/**
 * Supporters as plugins see them: the read-only {@link org.grassroots.crm.plugin.api.supporters.SupporterDirectory}
 * and the {@link org.grassroots.crm.plugin.api.supporters.SubscriptionLedger} that guards who may be mailed.
 */
@NullMarked
package org.grassroots.crm.plugin.api.supporters;

import org.jspecify.annotations.NullMarked;
