/** The Mailchimp provider. */
@NullMarked
package org.grassroots.plugins.emaillistsync.mailchimp;

import org.jspecify.annotations.NullMarked;
