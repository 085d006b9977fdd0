package org.grassroots.crm.volunteers;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.volunteers.internal.ManagedSkill;
import org.grassroots.crm.volunteers.internal.ManagedSkillRepository;
import org.grassroots.crm.volunteers.internal.VolunteeringMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managed list of volunteer skills. Everyone who works with volunteers reads it; admins and volunteer
 * coordinators keep it. A skill is retired (made inactive) rather than deleted, so volunteers who have it keep it.
 */
@Service
public class SkillService {

    static final String TARGET = "skill";

    private final ManagedSkillRepository skills;
    private final VolunteeringMapper mapper;
    private final AuditLog audit;

    SkillService(ManagedSkillRepository skills, VolunteeringMapper mapper, AuditLog audit) {
        this.skills = skills;
        this.mapper = mapper;
        this.audit = audit;
    }

    /** All skills in name order, inactive ones included. */
    @RolesAllowed({Role.VOLUNTEER_COORDINATOR_NAME, Role.ORGANIZER_NAME, Role.ADMIN_NAME})
    @Transactional(readOnly = true)
    public List<Skill> all() {
        return skills.findAllInNameOrder().stream().map(mapper::toSkill).toList();
    }

    @RolesAllowed({Role.VOLUNTEER_COORDINATOR_NAME, Role.ADMIN_NAME})
    @Transactional
    public Skill create(String name) {
        String checked = checkName(name, null);
        ManagedSkill skill = skills.saveAndFlush(new ManagedSkill(checked));
        audit.record(AuditEntry.of(AuditAction.SKILL_CREATED, TARGET, skill.getId(), Map.of("name", checked)));
        return mapper.toSkill(skill);
    }

    @RolesAllowed({Role.VOLUNTEER_COORDINATOR_NAME, Role.ADMIN_NAME})
    @Transactional
    public Skill rename(long id, String name) {
        ManagedSkill skill = load(id);
        String checked = checkName(name, id);
        if (!checked.equals(skill.getName())) {
            audit.record(AuditEntry.of(AuditAction.SKILL_UPDATED, TARGET, id,
                    Map.of("nameBefore", skill.getName(), "name", checked)));
            skill.rename(checked);
        }
        return mapper.toSkill(skills.saveAndFlush(skill));
    }

    @RolesAllowed({Role.VOLUNTEER_COORDINATOR_NAME, Role.ADMIN_NAME})
    @Transactional
    public Skill setActive(long id, boolean active) {
        ManagedSkill skill = load(id);
        if (skill.isActive() != active) {
            skill.setActive(active);
            audit.record(AuditEntry.of(AuditAction.SKILL_UPDATED, TARGET, id,
                    Map.of("name", skill.getName(), "active", active)));
        }
        return mapper.toSkill(skills.saveAndFlush(skill));
    }

    private ManagedSkill load(long id) {
        return skills.findById(id).orElseThrow(() -> new InvalidInputException("id", "No skill with id " + id + "."));
    }

    private String checkName(String name, Long ownId) {
        String trimmed = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (trimmed.isEmpty() || trimmed.length() > 60) {
            throw new InvalidInputException("name", "Enter a skill name of 1 to 60 characters.");
        }
        skills.findByNameIgnoreCase(trimmed).filter(other -> !other.getId().equals(ownId)).ifPresent(other -> {
            throw new InvalidInputException("name", "The skill " + other.getName() + " is already on the list.");
        });
        return trimmed;
    }
}
