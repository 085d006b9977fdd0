package org.grassroots.crm.exports;

/**
 * A file format an export can be written in.
 *
 * @param id                  what an export definition stores: {@code csv}, {@code hashed-match}, or
 *                            {@code pluginId:extensionId} for a plugin's format
 * @param needsMatchKey       whether producing the file needs the key agreed with the partner
 * @param opensInSpreadsheets whether core neutralises formula-like cells for it
 */
public record ExportFormatInfo(String id, String displayName, String fileExtension, String mediaType,
        boolean opensInSpreadsheets, boolean needsMatchKey) {
}
