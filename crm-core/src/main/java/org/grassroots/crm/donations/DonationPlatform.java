package org.grassroots.crm.donations;

/** Where a gift or plan was taken; with the platform's own id it identifies an imported gift. Stored by name. */
public enum DonationPlatform {
    ACTBLUE("ActBlue"),
    STRIPE("Stripe"),
    PAYPAL("PayPal"),
    ANEDOT("Anedot"),
    EVERYACTION("EveryAction"),
    MANUAL("Entered by staff"),
    OTHER("Other");

    private final String label;

    DonationPlatform(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
