package org.grassroots.crm.people.internal;

import java.util.List;

import org.grassroots.crm.geo.UsState;
import org.grassroots.crm.people.EmailAddress;
import org.grassroots.crm.people.Note;
import org.grassroots.crm.people.PersonDetails;
import org.grassroots.crm.people.Phone;
import org.grassroots.crm.people.PostalAddress;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Supporter entities to the records the rest of the application sees. */
@Mapper(componentModel = "spring")
public interface PersonDetailsMapper {

    @Mapping(target = "address", source = "person")
    @Mapping(target = "tags", expression = "java(person.sortedTags().stream().map(TagEntity::getName).toList())")
    @Mapping(target = "notes", source = "notes")
    PersonDetails toDetails(PersonEntity person, List<Note> notes);

    @Mapping(target = "primary", source = "primary")
    EmailAddress toEmail(EmailEntity email);

    @Mapping(target = "primary", source = "primary")
    Phone toPhone(PhoneEntity phone);

    default PostalAddress toAddress(PersonEntity person) {
        return new PostalAddress(person.getStreet(), person.getCity(),
                person.getState() == null ? null : UsState.valueOf(person.getState().trim()), person.getZip());
    }
}
