package org.grassroots.crm.demo.internal;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import net.datafaker.Faker;
import org.grassroots.crm.geo.UsState;

/**
 * Realistic synthetic supporters, each derived only from (seed, index): the same person comes out every time, so a
 * loader can make one pass per table without keeping a million people in memory. States are weighted by
 * population and every ZIP belongs to its state.
 */
public final class SyntheticPeople {

    static final String[] TAGS = {"petition-signer", "climate", "healthcare", "voting-rights", "union-member",
            "student", "faith-leader", "early-state", "house-party-host", "monthly-donor-prospect"};

    private static final Duration HISTORY = Duration.ofDays(6 * 365);

    private final long seed;
    private final long firstId;
    private final Instant now;
    private final String[] firstNames;
    private final String[] lastNames;
    private final String[] streets;
    private final String[] cities;
    private final UsState[] states;
    private final long[] cumulativePopulation;
    private final Map<UsState, List<String>> zip3ByState;
    private final Map<String, String> emailNames = new ConcurrentHashMap<>();

    public SyntheticPeople(long seed, long firstId, Instant now, Map<UsState, List<String>> zip3ByState) {
        this.seed = seed;
        this.firstId = firstId;
        this.now = now;
        this.zip3ByState = zip3ByState;
        Faker faker = new Faker(new Random(seed));
        this.firstNames = pool(2_000, () -> faker.name().firstName());
        this.lastNames = pool(3_000, () -> faker.name().lastName());
        this.streets = pool(3_000, () -> faker.address().streetAddress());
        this.cities = pool(1_500, () -> faker.address().cityName());
        this.states = zip3ByState.keySet().stream().sorted().toArray(UsState[]::new);
        this.cumulativePopulation = new long[states.length];
        long total = 0;
        for (int i = 0; i < states.length; i++) {
            total += states[i].populationThousands();
            cumulativePopulation[i] = total;
        }
    }

    /** One synthetic supporter. */
    public record Person(long id, String firstName, String lastName, String street, String city, UsState state,
            String zip, String email, String emailStatus, Instant createdAt, Instant statusChangedAt, String phone,
            List<String> tags, SplittableRandom random) {
    }

    public Person person(int index) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        long id = firstId + index;
        String first = firstNames[random.nextInt(firstNames.length)];
        String last = lastNames[random.nextInt(lastNames.length)];
        UsState state = weightedState(random);
        List<String> prefixes = zip3ByState.get(state);
        String zip = prefixes.get(random.nextInt(prefixes.size())) + twoDigits(random)
                + (random.nextInt(4) == 0 ? twoDigits(random) + twoDigits(random) : "");
        Instant created = now.minusSeconds(random.nextLong(HISTORY.toSeconds()));
        Instant statusChanged = created.plusSeconds(random.nextLong(Math.max(1, Duration.between(created, now).toSeconds())));
        String email = emailLocalPart(first, last) + "." + id + "@" + domain(random);
        String phone = random.nextInt(100) < 45 ? "+1" + (200 + random.nextInt(800)) + (2_000_000 + random.nextInt(8_000_000))
                : null;
        return new Person(id, first, last, streets[random.nextInt(streets.length)],
                cities[random.nextInt(cities.length)], state, zip, email, emailStatus(random), created,
                statusChanged, phone, tags(random), random);
    }

    private UsState weightedState(SplittableRandom random) {
        long pick = random.nextLong(cumulativePopulation[cumulativePopulation.length - 1]);
        int low = 0;
        int high = cumulativePopulation.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulativePopulation[mid] > pick) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return states[low];
    }

    private static String emailStatus(SplittableRandom random) {
        int roll = random.nextInt(1000);
        if (roll < 880) {
            return "SUBSCRIBED";
        }
        if (roll < 960) {
            return "UNSUBSCRIBED";
        }
        return roll < 990 ? "BOUNCING" : "SPAM_COMPLAINT";
    }

    private static List<String> tags(SplittableRandom random) {
        int roll = random.nextInt(100);
        if (roll >= 45) {
            return List.of();
        }
        String first = TAGS[random.nextInt(TAGS.length)];
        if (roll >= 10) {
            return List.of(first);
        }
        String second = TAGS[random.nextInt(TAGS.length)];
        return second.equals(first) ? List.of(first) : List.of(first, second);
    }

    private static String domain(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> "example.org";
            case 1 -> "example.com";
            default -> "example.net";
        };
    }

    private static String twoDigits(SplittableRandom random) {
        int n = random.nextInt(100);
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private String emailLocalPart(String first, String last) {
        return emailNames.computeIfAbsent(first, SyntheticPeople::ascii) + "."
                + emailNames.computeIfAbsent(last, SyntheticPeople::ascii);
    }

    private static String ascii(String name) {
        String letters = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "")
                .toLowerCase(Locale.ROOT);
        return letters.isEmpty() ? "x" : letters;
    }

    private static String[] pool(int size, Supplier<String> generator) {
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(generator.get());
        }
        return values.toArray(String[]::new);
    }
}
