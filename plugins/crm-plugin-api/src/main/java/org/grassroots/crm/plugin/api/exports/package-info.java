/**
 * Partner exports: the {@link org.grassroots.crm.plugin.api.exports.ExportFormat} extension point for adding file
 * formats.
 */
@NullMarked
package org.grassroots.crm.plugin.api.exports;

import org.jspecify.annotations.NullMarked;
