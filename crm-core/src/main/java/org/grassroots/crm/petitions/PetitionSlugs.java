package org.grassroots.crm.petitions;

import java.util.Locale;
import java.util.Optional;

import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.petitions.internal.PetitionEntity;
import org.grassroots.crm.petitions.internal.PetitionRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Picks a petition's slug: a typed one must be valid and free; a blank one keeps the petition's current slug, or on
 * creation is made from the title, numbered ({@code -2}, {@code -3} …) when that is taken. Also finds the petition a
 * slug names, for callers that run as the system (the plugin ports): a slug and a petition id name no person, so
 * that lookup needs no role.
 */
@Component
public class PetitionSlugs {

    private static final int MAX_TRIES = 100;

    private final PetitionRepository petitions;

    PetitionSlugs(PetitionRepository petitions) {
        this.petitions = petitions;
    }

    /** The id of the petition with this slug (surrounding spaces and case ignored), if there is one. */
    public Optional<Long> petitionId(String slug) {
        return petitions.findBySlug(slug.strip().toLowerCase(Locale.ROOT)).map(PetitionEntity::getId);
    }

    String choose(PetitionEntity petition, String title, @Nullable String typed) {
        if (typed != null && !typed.isBlank()) {
            String slug = typed.strip();
            if (!Slugs.isValid(slug)) {
                throw new InvalidInputException("slug", "Use lower-case letters, digits and single dashes, at most "
                        + Slugs.MAX_LENGTH + " characters, e.g. save-the-river.");
            }
            petitions.findBySlug(slug).filter(other -> !other.getId().equals(petition.getId()))
                    .ifPresent(other -> {
                        throw taken(slug, other.getTitle());
                    });
            return slug;
        }
        if (petition.getSlug() != null) {
            return petition.getSlug();
        }
        String base = Slugs.fromTitle(title);
        if (base.isEmpty()) {
            throw new InvalidInputException("slug",
                    "The title has no letters or digits to make a link name from; enter one, e.g. save-the-river.");
        }
        for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
            String candidate = attempt == 1 ? base : Slugs.numbered(base, attempt);
            if (petitions.findBySlug(candidate).isEmpty()) {
                return candidate;
            }
        }
        throw new InvalidInputException("slug", "Many petitions already use link names like “" + base
                + "”; enter a different one.");
    }

    static InvalidInputException taken(String slug, @Nullable String otherTitle) {
        return new InvalidInputException("slug", "The link name “" + slug + "” is already used by "
                + (otherTitle == null ? "another petition" : "the petition “" + otherTitle + "”")
                + "; choose another.");
    }
}
