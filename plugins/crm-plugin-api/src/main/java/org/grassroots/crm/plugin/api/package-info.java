/**
 * The Grassroots CRM plugin API: the small, stable contract that plugin authors compile against.
 *
 * <p>A plugin is a <a href="https://pf4j.org">pf4j</a> plugin jar. It contributes <em>extensions</em>, classes
 * annotated with {@link org.pf4j.Extension @Extension} that implement an extension point of this API:
 * <ul>
 *   <li>{@link org.grassroots.crm.plugin.api.petitions.PetitionSource} reads a petition file;</li>
 *   <li>{@link org.grassroots.crm.plugin.api.email.EmailListProvider} syncs with an email service;</li>
 *   <li>{@link org.grassroots.crm.plugin.api.reports.Report} computes a report core renders;</li>
 *   <li>{@link org.grassroots.crm.plugin.api.exports.ExportFormat} writes a partner export file;</li>
 *   <li>{@link org.grassroots.crm.plugin.api.settings.SettingsDescriptor} declares the plugin's settings form;</li>
 *   <li>{@link org.grassroots.crm.plugin.api.jobs.ScheduledTask} runs work on a cron schedule;</li>
 *   <li>{@link org.grassroots.crm.plugin.api.ui.ViewContribution} adds a screen of the plugin's own.</li>
 * </ul>
 *
 * <p>Extensions reach the CRM only through <em>ports</em>, interfaces that carry plain records and never
 * persistence entities. The host builds each extension through its single public constructor, passing any of these
 * ports the constructor declares, and nothing else (not the application context):
 * {@link org.grassroots.crm.plugin.api.supporters.SupporterDirectory},
 * {@link org.grassroots.crm.plugin.api.supporters.SubscriptionLedger},
 * {@link org.grassroots.crm.plugin.api.petitions.ImportSink},
 * {@link org.grassroots.crm.plugin.api.reports.StatsQuery},
 * {@link org.grassroots.crm.plugin.api.settings.PluginSettings} (the plugin's own settings) and
 * {@link org.grassroots.crm.plugin.api.storage.PluginStorage} (the plugin's own storage). The
 * {@link org.grassroots.crm.plugin.api.jobs.JobContext} port is passed to each call that runs in a background job.
 *
 * <p>This API depends on nothing but pf4j and JSpecify. Classes under {@code org.grassroots.crm.plugin.api} are
 * always loaded by the host's class loader, so the host and every plugin share one definition of each type; a plugin
 * must not bundle them, and cannot load any other {@code org.grassroots.crm} class. {@link PluginApi#VERSION} is the
 * version a plugin's required range is checked against.
 *
 * <p>Nullness: unless a type or member is annotated {@link org.jspecify.annotations.Nullable}, it never accepts or
 * returns {@code null}.
 */
@NullMarked
package org.grassroots.crm.plugin.api;

import org.jspecify.annotations.NullMarked;
