package org.grassroots.crm.people.ui;

import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.geo.ZipCodes;
import org.grassroots.crm.people.ContactUpdate;
import org.grassroots.crm.people.PersonDetails;
import org.grassroots.crm.people.PostalAddress;

/** The contact form's editable copy of a supporter, for a Binder. */
class ContactDraft {

    private String firstName = "";
    private String lastName = "";
    private String street = "";
    private String city = "";
    private UsState state;
    private String zip = "";
    private String source = "";

    static ContactDraft of(PersonDetails person) {
        ContactDraft draft = new ContactDraft();
        draft.firstName = orEmpty(person.firstName());
        draft.lastName = orEmpty(person.lastName());
        draft.street = orEmpty(person.address().street());
        draft.city = orEmpty(person.address().city());
        draft.state = person.address().state();
        draft.zip = orEmpty(ZipCodes.display(person.address().zip()));
        draft.source = orEmpty(person.source());
        return draft;
    }

    ContactUpdate toUpdate(long id, long version) {
        return new ContactUpdate(id, version, firstName, lastName, address(), source);
    }

    PostalAddress address() {
        return new PostalAddress(street, city, state, zip);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getStreet() {
        return street;
    }

    public void setStreet(String street) {
        this.street = street;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public UsState getState() {
        return state;
    }

    public void setState(UsState state) {
        this.state = state;
    }

    public String getZip() {
        return zip;
    }

    public void setZip(String zip) {
        this.zip = zip;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }
}
