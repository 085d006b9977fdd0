package org.grassroots.crm.people.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "person_phone")
public class PhoneEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id", nullable = false)
    private PersonEntity person;

    @Column(nullable = false)
    private String e164;

    @Column(nullable = false)
    private String kind;

    @Column(name = "is_primary", nullable = false)
    private boolean primary;

    protected PhoneEntity() {
    }

    PhoneEntity(PersonEntity person, String e164, String kind, boolean primary) {
        this.person = person;
        this.e164 = e164;
        this.kind = kind;
        this.primary = primary;
    }

    public void setPrimary(boolean primary) {
        this.primary = primary;
    }

    public Long getId() {
        return id;
    }

    public String getE164() {
        return e164;
    }

    public String getKind() {
        return kind;
    }

    public boolean isPrimary() {
        return primary;
    }
}
