package org.grassroots.crm.geo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * US states, DC and the territories that have ZIP codes, with their USPS codes and 2020 census population in
 * thousands (used to weight synthetic data and to normalise per-capita reports).
 */
public enum UsState {
    AL("Alabama", 5024), AK("Alaska", 733), AZ("Arizona", 7152), AR("Arkansas", 3012), CA("California", 39538),
    CO("Colorado", 5774), CT("Connecticut", 3606), DE("Delaware", 990), DC("District of Columbia", 690),
    FL("Florida", 21538), GA("Georgia", 10712), HI("Hawaii", 1455), ID("Idaho", 1839), IL("Illinois", 12813),
    IN("Indiana", 6786), IA("Iowa", 3190), KS("Kansas", 2938), KY("Kentucky", 4506), LA("Louisiana", 4658),
    ME("Maine", 1362), MD("Maryland", 6177), MA("Massachusetts", 7030), MI("Michigan", 10077),
    MN("Minnesota", 5706), MS("Mississippi", 2961), MO("Missouri", 6155), MT("Montana", 1084),
    NE("Nebraska", 1962), NV("Nevada", 3105), NH("New Hampshire", 1378), NJ("New Jersey", 9289),
    NM("New Mexico", 2118), NY("New York", 20201), NC("North Carolina", 10439), ND("North Dakota", 779),
    OH("Ohio", 11799), OK("Oklahoma", 3959), OR("Oregon", 4237), PA("Pennsylvania", 13003),
    RI("Rhode Island", 1097), SC("South Carolina", 5118), SD("South Dakota", 887), TN("Tennessee", 6911),
    TX("Texas", 29146), UT("Utah", 3272), VT("Vermont", 643), VA("Virginia", 8631), WA("Washington", 7705),
    WV("West Virginia", 1794), WI("Wisconsin", 5894), WY("Wyoming", 577),
    PR("Puerto Rico", 3286), VI("U.S. Virgin Islands", 87), GU("Guam", 154);

    private static final Map<String, UsState> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toMap(s -> s.displayName.toLowerCase(Locale.ROOT), Function.identity()));

    private final String displayName;
    private final int populationThousands;

    UsState(String displayName, int populationThousands) {
        this.displayName = displayName;
        this.populationThousands = populationThousands;
    }

    public String displayName() {
        return displayName;
    }

    public int populationThousands() {
        return populationThousands;
    }

    /** Reads a USPS code ("tx", "TX") or a full name ("Texas", "new york"); empty for anything else. */
    public static Optional<UsState> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (trimmed.length() == 2) {
            try {
                return Optional.of(valueOf(trimmed.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(BY_NAME.get(trimmed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")));
    }
}
