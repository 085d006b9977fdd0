package org.grassroots.crm.volunteers.internal;

import java.time.DayOfWeek;

import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.volunteers.AvailabilityWindow;
import org.grassroots.crm.volunteers.EventDetails;
import org.grassroots.crm.volunteers.Skill;
import org.mapstruct.Mapper;

@Mapper(componentModel = "spring")
public interface VolunteeringMapper {

    Skill toSkill(ManagedSkill skill);

    EventDetails toDetails(Event event);

    default AvailabilityWindow toWindow(AvailabilitySlot slot) {
        return new AvailabilityWindow(DayOfWeek.of(slot.dayOfWeek()), slot.startTime(), slot.endTime());
    }

    default AvailabilitySlot toSlot(AvailabilityWindow window) {
        return new AvailabilitySlot((short) window.day().getValue(), window.start(), window.end());
    }

    default UsState toState(String code) {
        return code == null ? null : UsState.valueOf(code.trim());
    }
}
