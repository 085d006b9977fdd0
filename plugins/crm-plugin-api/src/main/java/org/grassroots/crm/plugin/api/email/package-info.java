/**
 * Email list sync: the {@link org.grassroots.crm.plugin.api.email.EmailListProvider} extension point for an email
 * service, and the records it exchanges with the CRM's sync engine.
 */
@NullMarked
package org.grassroots.crm.plugin.api.email;

import org.jspecify.annotations.NullMarked;
