package org.grassroots.crm.people.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.people.Note;
import org.grassroots.crm.people.PersonDetails;
import org.grassroots.crm.people.PersonService;
import org.grassroots.crm.ui.FieldErrors;

/** Notes staff wrote, newest first, and a box for a new one (signed with the current user's name). */
class NotesCard extends Card {

    final TextArea note = new TextArea();
    final Button add = new Button("Add note");

    NotesCard(PersonDetails person, PersonService people, Consumer<PersonDetails> onChanged) {
        addClassName("notes-card");
        setTitle("Notes");
        FieldErrors errors = new FieldErrors().on("note", note);
        note.setPlaceholder("What happened, what was agreed …");
        note.setAriaLabel("New note");
        note.setWidthFull();
        note.setMaxLength(10_000);
        add.addClickListener(e -> {
            try {
                onChanged.accept(people.addNote(person.id(), note.getValue()));
            } catch (InvalidInputException error) {
                errors.show(error);
            }
        });
        add(note, add);
        for (Note existing : person.notes()) {
            Span meta = new Span(existing.author() + " · " + TimelineCard.WHEN.format(existing.createdAt()));
            meta.addClassName("note-meta");
            Div item = new Div(meta, new Paragraph(existing.body()));
            item.addClassName("note");
            add(item);
        }
    }
}
