/**
 * The Mailman 3 provider: {@link org.grassroots.plugins.emaillistsync.mailman.MailmanProvider} speaks Mailman core's
 * REST API; {@link org.grassroots.plugins.emaillistsync.mailman.MailmanSettings} is its part of the settings form.
 * See {@code docs/plugins/email-list-sync.md}.
 */
@NullMarked
package org.grassroots.plugins.emaillistsync.mailman;

import org.jspecify.annotations.NullMarked;
