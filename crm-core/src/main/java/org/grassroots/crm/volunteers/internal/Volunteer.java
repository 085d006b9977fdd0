package org.grassroots.crm.volunteers.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.grassroots.crm.volunteers.VolunteerStatus;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A supporter's volunteer profile; shares the person's id. */
@Entity
@Table(name = "volunteer")
public class Volunteer {

    @Id
    @Column(name = "person_id")
    private Long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VolunteerStatus status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> languages = new ArrayList<>();

    private String notes;

    @ElementCollection
    @CollectionTable(name = "volunteer_skill", joinColumns = @JoinColumn(name = "person_id"))
    @Column(name = "skill_id", nullable = false)
    private Set<Long> skillIds = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "availability", joinColumns = @JoinColumn(name = "person_id"))
    @OrderBy("dayOfWeek, startTime")
    private List<AvailabilitySlot> availability = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Volunteer() {
    }

    public Volunteer(long personId, Instant now) {
        this.personId = personId;
        this.status = VolunteerStatus.ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public long getPersonId() {
        return personId;
    }

    public VolunteerStatus getStatus() {
        return status;
    }

    public List<String> getLanguages() {
        return List.copyOf(languages);
    }

    public String getNotes() {
        return notes;
    }

    public Set<Long> getSkillIds() {
        return Set.copyOf(skillIds);
    }

    public List<AvailabilitySlot> getAvailability() {
        return List.copyOf(availability);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void update(VolunteerStatus status, Collection<Long> skillIds, List<String> languages, String notes,
            List<AvailabilitySlot> availability, Instant now) {
        this.status = status;
        this.skillIds.clear();
        this.skillIds.addAll(skillIds);
        this.languages = new ArrayList<>(languages);
        this.notes = notes;
        this.availability.clear();
        this.availability.addAll(availability);
        this.updatedAt = now;
    }
}
