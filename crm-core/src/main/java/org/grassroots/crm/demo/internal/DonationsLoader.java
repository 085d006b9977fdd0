package org.grassroots.crm.demo.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.grassroots.crm.database.CopyStream;

/**
 * Synthetic giving: about a third of supporters give, gift counts and amounts have the long tail real lists have,
 * and one donor in twelve gives monthly through a recurring plan. Plans are written in a first pass and gifts in a
 * second; both walk the supporters in the same order, so the plan ids line up without being kept in memory.
 */
public final class DonationsLoader {

    private static final String[] PLATFORMS = {"ACTBLUE", "ACTBLUE", "ACTBLUE", "ACTBLUE", "STRIPE", "PAYPAL",
            "ANEDOT", "MANUAL"};
    private static final String[] CAMPAIGNS = {"Spring membership drive", "Early-state ad buy", "Year-end match",
            "Petition follow-up", "Rapid response", null, null};
    private static final String[] EMPLOYERS = {"Self-employed", "Retired", "Not employed", "State University",
            "County Hospital", "Public Schools", "Acme Logistics", "City Government", "Riverside Clinic"};
    private static final String[] OCCUPATIONS = {"Teacher", "Nurse", "Retired", "Engineer", "Student", "Attorney",
            "Organizer", "Software developer", "Electrician", "Physician"};

    private final Connection connection;
    private final SyntheticPeople people;
    private final int count;
    private final long firstDonationId;
    private final long firstPlanId;
    private final LocalDate today;
    private final Consumer<String> progress;

    public DonationsLoader(Connection connection, SyntheticPeople people, int count, long firstDonationId,
            long firstPlanId, LocalDate today, Consumer<String> progress) {
        this.connection = connection;
        this.people = people;
        this.count = count;
        this.firstDonationId = firstDonationId;
        this.firstPlanId = firstPlanId;
        this.today = today;
        this.progress = progress;
    }

    /** The giving pattern of one supporter, derived from their own random stream. */
    private record Giving(boolean donor, boolean recurring, int gifts, double typicalAmount, boolean statesEmployer,
            SplittableRandom random) {
    }

    private Giving giving(int index) {
        SplittableRandom random = people.person(index).random().split();
        boolean donor = random.nextInt(100) < 34;
        boolean recurring = donor && random.nextInt(12) == 0;
        int gifts = recurring ? 3 + random.nextInt(22) : 1 + (int) Math.floor(-Math.log(1 - random.nextDouble()) * 6.25);
        double typical = Math.min(3300, Math.max(3, Math.exp(3.1 + random.nextGaussian() * 1.0)));
        return new Giving(donor, recurring, gifts, typical, random.nextInt(100) < 70, random);
    }

    public void load() throws SQLException {
        long plans = copyPlans();
        long gifts = copyDonations();
        progress.accept("donations: " + gifts + " gifts, " + plans + " recurring plans");
    }

    private long copyPlans() throws SQLException {
        long planId = firstPlanId;
        try (CopyStream copy = CopyStream.open(connection, "recurring_plan", "id", "person_id", "amount",
                "charge_interval", "status", "started_on", "next_charge_on", "source_platform", "external_id")) {
            for (int i = 0; i < count; i++) {
                Giving giving = giving(i);
                if (giving.recurring()) {
                    long personId = people.person(i).id();
                    String status = planStatus(giving.random());
                    copy.value(planId).value(personId).raw(dollars(Math.min(giving.typicalAmount(), 250)))
                            .value("MONTHLY").value(status).value(today.minusMonths(giving.gifts()))
                            .value("ACTIVE".equals(status) ? today.plusDays(1 + giving.random().nextInt(28)) : null)
                            .value("ACTBLUE").value("demo-plan-" + planId);
                    copy.endRow();
                    planId++;
                }
            }
            return copy.rows();
        }
    }

    private long copyDonations() throws SQLException {
        long donationId = firstDonationId;
        long planId = firstPlanId;
        try (CopyStream copy = CopyStream.open(connection, "donation", "id", "person_id", "amount", "received_on",
                "method", "source_platform", "external_id", "campaign", "employer", "occupation",
                "recurring_plan_id")) {
            for (int i = 0; i < count; i++) {
                Giving giving = giving(i);
                if (!giving.donor()) {
                    continue;
                }
                long personId = people.person(i).id();
                SplittableRandom random = giving.random();
                String employer = giving.statesEmployer() ? EMPLOYERS[random.nextInt(EMPLOYERS.length)] : null;
                String occupation = giving.statesEmployer() ? OCCUPATIONS[random.nextInt(OCCUPATIONS.length)] : null;
                for (int gift = 0; gift < giving.gifts(); gift++) {
                    boolean monthly = giving.recurring();
                    double amount = monthly ? Math.min(giving.typicalAmount(), 250)
                            : giving.typicalAmount() * (0.5 + random.nextDouble());
                    LocalDate received = monthly ? today.minusMonths(gift + 1L)
                            : today.minusDays(random.nextInt(4 * 365));
                    String platform = monthly ? "ACTBLUE" : PLATFORMS[random.nextInt(PLATFORMS.length)];
                    copy.value(donationId).value(personId).raw(dollars(amount)).value(received)
                            .value(platform.equals("MANUAL") ? "CHECK" : "CARD").value(platform)
                            .value("demo-" + donationId).value(CAMPAIGNS[random.nextInt(CAMPAIGNS.length)])
                            .value(employer).value(occupation);
                    if (monthly) {
                        copy.value(planId);
                    } else {
                        copy.value((String) null);
                    }
                    copy.endRow();
                    donationId++;
                }
                if (giving.recurring()) {
                    planId++;
                }
                if ((i + 1) % Math.max(1, count / 4) == 0) {
                    progress.accept("donations: " + (i + 1) + " / " + count + " supporters");
                }
            }
            return copy.rows();
        }
    }

    private static String planStatus(SplittableRandom random) {
        int roll = random.nextInt(100);
        return roll < 80 ? "ACTIVE" : roll < 90 ? "CANCELLED" : roll < 95 ? "PAUSED" : "FAILING";
    }

    private static String dollars(double amount) {
        long cents = Math.max(100, Math.round(amount * 100));
        // whole dollars are the norm on donation forms
        if (cents > 1000) {
            cents = cents / 100 * 100;
        }
        return (cents / 100) + "." + String.format("%02d", cents % 100);
    }
}
