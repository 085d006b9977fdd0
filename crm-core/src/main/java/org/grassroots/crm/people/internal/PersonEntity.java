package org.grassroots.crm.people.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A supporter row. Merged and erased rows are only ever read; merge and erasure run as SQL. */
@Entity
@Table(name = "person")
public class PersonEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    private String street;

    private String city;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 2)
    private String state;

    private String zip;

    private String source;

    @Column(nullable = false, updatable = false)
    private boolean demo;

    @Column(name = "merged_into_id", insertable = false, updatable = false)
    private Long mergedIntoId;

    @Column(name = "erased_at", insertable = false, updatable = false)
    private Instant erasedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "person", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<EmailEntity> emails = new ArrayList<>();

    @OneToMany(mappedBy = "person", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<PhoneEntity> phones = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "person_tag", joinColumns = @JoinColumn(name = "person_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    private Set<TagEntity> tags = new LinkedHashSet<>();

    protected PersonEntity() {
    }

    public PersonEntity(Instant now) {
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void setContact(String firstName, String lastName, String street, String city, String state, String zip,
            String source, Instant now) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.street = street;
        this.city = city;
        this.state = state;
        this.zip = zip;
        this.source = source;
        this.updatedAt = now;
    }

    public void touch(Instant now) {
        this.updatedAt = now;
    }

    public EmailEntity addEmail(String email, boolean primary, Instant now) {
        EmailEntity added = new EmailEntity(this, email, primary, now);
        emails.add(added);
        updatedAt = now;
        return added;
    }

    public Optional<EmailEntity> email(String email) {
        return emails.stream().filter(e -> e.getEmail().equals(email)).findFirst();
    }

    public Optional<EmailEntity> primaryEmail() {
        return emails.stream().filter(EmailEntity::isPrimary).findFirst();
    }

    public PhoneEntity addPhone(String e164, String kind, Instant now) {
        PhoneEntity added = new PhoneEntity(this, e164, kind, phones.isEmpty());
        phones.add(added);
        updatedAt = now;
        return added;
    }

    public List<TagEntity> sortedTags() {
        return tags.stream().sorted(Comparator.comparing(TagEntity::getName, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    public Long getId() {
        return id;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getStreet() {
        return street;
    }

    public String getCity() {
        return city;
    }

    public String getState() {
        return state;
    }

    public String getZip() {
        return zip;
    }

    public String getSource() {
        return source;
    }

    public boolean isDemo() {
        return demo;
    }

    public Long getMergedIntoId() {
        return mergedIntoId;
    }

    public Instant getErasedAt() {
        return erasedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    public List<EmailEntity> getEmails() {
        return emails;
    }

    public List<PhoneEntity> getPhones() {
        return phones;
    }

    public Set<TagEntity> getTags() {
        return tags;
    }
}
