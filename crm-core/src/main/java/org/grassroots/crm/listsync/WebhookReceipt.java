package org.grassroots.crm.listsync;

/**
 * What a webhook call did.
 *
 * @param changes    changes the provider reported in it
 * @param duplicates changes skipped because their event id was applied before
 * @param applied    changes that changed the CRM (a status, or an address)
 */
public record WebhookReceipt(int changes, int duplicates, int applied) {
}
