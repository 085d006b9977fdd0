/** Plugin-scoped storage: the {@link org.grassroots.crm.plugin.api.storage.PluginStorage} port. */
@NullMarked
package org.grassroots.crm.plugin.api.storage;

import org.jspecify.annotations.NullMarked;
