/**
 * The email list sync plugin: {@link org.grassroots.crm.plugin.api.email.EmailListProvider} extensions for Mailchimp
 * (Marketing API v3) and Mailman 3 (core REST API), and the settings form they share. The CRM's list sync decides
 * who is sent and when; these classes only speak each service's protocol. See {@code docs/plugins/email-list-sync.md}.
 */
@NullMarked
package org.grassroots.plugins.emaillistsync;

import org.jspecify.annotations.NullMarked;
