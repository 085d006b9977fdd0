/**
 * Petition imports: the {@link org.grassroots.crm.plugin.api.petitions.PetitionSource} extension point that reads a
 * file, and the {@link org.grassroots.crm.plugin.api.petitions.ImportSink} port that core stores the rows through.
 */
@NullMarked
package org.grassroots.crm.plugin.api.petitions;

import org.jspecify.annotations.NullMarked;
