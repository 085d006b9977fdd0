/**
 * The petition import plugin: reads signature CSV files for the CRM's import wizard. {@link
 * org.grassroots.plugins.petitionimport.CsvPetitionSource} is the only extension; the other classes detect the
 * file's format, check its header, suggest a mapping and turn each row into a signature. Parsing is FastCSV's,
 * shaded into the plugin jar. See {@code docs/plugins/petition-import.md}.
 */
@NullMarked
package org.grassroots.plugins.petitionimport;

import org.jspecify.annotations.NullMarked;
