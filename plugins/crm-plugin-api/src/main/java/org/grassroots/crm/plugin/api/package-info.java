/**
 * The Grassroots CRM plugin API: the small, stable contract that plugin authors compile against.
 *
 * <p>A plugin is a <a href="https://pf4j.org">pf4j</a> plugin jar. It contributes <em>extensions</em> (for example a
 * petition file source, an email list provider or a report) and reaches the CRM only through <em>ports</em> declared
 * in this package, which carry plain records and never persistence entities. The host builds each extension by
 * constructor injection from an allow-list of those ports, so a plugin never sees the application context.
 *
 * <p>This package depends on nothing but pf4j and JSpecify, so a plugin built against it has no other compile-time
 * dependency on the CRM. Classes in {@code org.grassroots.crm.plugin.api} are always loaded by the host's class
 * loader, so the host and every plugin share one definition of each type.
 *
 * <p>Nullness: unless a type or member is annotated {@link org.jspecify.annotations.Nullable}, it never accepts or
 * returns {@code null}.
 */
@NullMarked
package org.grassroots.crm.plugin.api;

import org.jspecify.annotations.NullMarked;
