package org.grassroots.crm.plugin.api.email;

/**
 * The result of the settings form's "test connection" button.
 *
 * @param ok      whether the provider answered and the credentials and list work
 * @param message what was found, for example "Connected to list 'Members' (1,204,332 members)" or "The API key was
 *                refused (401)"; never contains the secret
 */
public record ConnectionCheck(boolean ok, String message) {
}
