package org.grassroots.crm.pluginhost;

import javax.crypto.SecretKey;

/**
 * Keys for other features, derived from the secrets key ({@code CRM_SECRETS_KEY} or its key file) with
 * HKDF-SHA-256, one per purpose: a feature gets a 256-bit AES key of its own without a second key to configure and
 * back up, and no derived key reveals the secrets key or another purpose's key.
 */
public interface DerivedKeys {

    /**
     * The key for {@code purpose}, the same on every instance that shares the secrets key.
     *
     * @param purpose a fixed label naming the feature, what the key is for and a version, for example
     *                {@code grassroots-crm/export-files/v1}; never user input
     */
    SecretKey derive(String purpose);
}
