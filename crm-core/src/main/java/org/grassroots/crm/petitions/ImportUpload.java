package org.grassroots.crm.petitions;

/**
 * A file uploaded to the import wizard and kept on the server until it is imported.
 *
 * @param id       the stored file's id (random, not guessable)
 * @param fileName the name it was uploaded under
 * @param size     its size in bytes
 */
public record ImportUpload(String id, String fileName, long size) {
}
