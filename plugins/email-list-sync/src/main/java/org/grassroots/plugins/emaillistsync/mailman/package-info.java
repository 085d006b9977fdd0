/** The Mailman provider. */
@NullMarked
package org.grassroots.plugins.emaillistsync.mailman;

import org.jspecify.annotations.NullMarked;
