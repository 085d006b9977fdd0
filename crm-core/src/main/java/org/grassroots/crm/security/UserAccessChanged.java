package org.grassroots.crm.security;

/**
 * Published after an admin disables an account, changes its roles or resets its password: whatever that person
 * has open in a browser must end, because it was granted under the old terms.
 */
public record UserAccessChanged(String username) {
}
