package org.grassroots.crm.donations;

/** How the money came in. Stored by name. */
public enum PaymentMethod {
    CARD("Card", "by card"),
    CHECK("Check", "by check"),
    CASH("Cash", "in cash"),
    ACH("Bank transfer (ACH)", "by bank transfer"),
    PAYPAL("PayPal", "through PayPal"),
    OTHER("Other", "");

    private final String label;
    private final String phrase;

    PaymentMethod(String label, String phrase) {
        this.label = label;
        this.phrase = phrase;
    }

    public String label() {
        return label;
    }

    /** How a sentence says it, e.g. "Donated $25.00 <b>by check</b>"; empty when there is nothing useful to say. */
    public String phrase() {
        return phrase;
    }
}
