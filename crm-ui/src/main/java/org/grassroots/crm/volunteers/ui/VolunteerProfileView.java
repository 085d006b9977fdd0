package org.grassroots.crm.volunteers.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.ui.Feedback;
import org.grassroots.crm.ui.FieldErrors;
import org.grassroots.crm.ui.RouteIds;
import org.grassroots.crm.volunteers.PersonRef;
import org.grassroots.crm.volunteers.ProfileUpdate;
import org.grassroots.crm.volunteers.Skill;
import org.grassroots.crm.volunteers.SkillService;
import org.grassroots.crm.volunteers.SignupService;
import org.grassroots.crm.volunteers.VolunteerProfile;
import org.grassroots.crm.volunteers.VolunteerService;
import org.grassroots.crm.volunteers.VolunteerStatus;

/**
 * A volunteer's profile: status, skills, languages, notes and weekly availability, and below it every shift they
 * signed up for, with status and hours. A supporter who does not volunteer yet can be enrolled here.
 */
@Route("volunteers/:personId")
@RolesAllowed({Role.VOLUNTEER_COORDINATOR_NAME, Role.ORGANIZER_NAME, Role.ADMIN_NAME})
class VolunteerProfileView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final VolunteerService volunteers;
    private final SkillService skills;
    private final H3 shiftsHeading = new H3("Shifts");
    private final Paragraph facts = new Paragraph();
    private final Div notEnrolled = new Div();
    private final VerticalLayout profileArea = new VerticalLayout();
    private final Select<VolunteerStatus> status = new Select<>();
    private final MultiSelectComboBox<Skill> skillPicker = new MultiSelectComboBox<>("Skills");
    private final MultiSelectComboBox<String> languages = new MultiSelectComboBox<>("Languages");
    private final TextArea notes = new TextArea("Notes");
    private final AvailabilityEditor availability = new AvailabilityEditor();
    private final Button save = new Button("Save profile");
    private final PersonSignupsGrid signups;
    private final List<String> languageItems = new ArrayList<>();
    private PersonRef person;

    VolunteerProfileView(VolunteerService volunteers, SkillService skills, SignupService signupService) {
        this.volunteers = volunteers;
        this.skills = skills;
        this.signups = new PersonSignupsGrid(signupService, this::signupChanged);
        addClassName("volunteer-profile");
        facts.addClassName("page-summary");
        skillPicker.setAutoExpand(MultiSelectComboBox.AutoExpandMode.BOTH);
        languages.setAutoExpand(MultiSelectComboBox.AutoExpandMode.BOTH);

        status.setLabel("Status");
        status.setItems(VolunteerStatus.values());
        status.setItemLabelGenerator(VolunteerStatus::label);
        status.setHelperText("“Do not contact” keeps them off every shift.");
        skillPicker.setItemLabelGenerator(Skill::name);
        languages.setAllowCustomValue(true);
        languages.setHelperText("Pick or type a language.");
        languages.addCustomValueSetListener(e -> {
            String typed = e.getDetail().strip();
            if (!typed.isEmpty() && !languageItems.contains(typed)) {
                languageItems.add(typed);
                Set<String> chosen = new HashSet<>(languages.getValue());
                languages.setItems(languageItems);
                chosen.add(typed);
                languages.setValue(chosen);
            }
        });
        notes.setMaxLength(4000);
        notes.setMinHeight("6em");
        FormLayout form = new FormLayout(status, skillPicker, languages, notes);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 3));
        form.setColspan(notes, 3);
        FieldErrors errors = new FieldErrors().on("status", status).on("skills", skillPicker)
                .on("languages", languages).on("notes", notes).on("availability", availability);
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save(errors));
        profileArea.setPadding(false);
        profileArea.add(form, availability, save);

        add(facts, notEnrolled, profileArea, shiftsHeading, signups);
    }

    static RouterLink link(long personId, String text) {
        return new RouterLink(text, VolunteerProfileView.class,
                new RouteParameters("personId", String.valueOf(personId)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RouteIds.number(event, "personId").flatMap(volunteers::person).ifPresentOrElse(found -> {
            person = found;
            reload();
        }, () -> event.rerouteToError(NotFoundException.class));
    }

    @Override
    public String getPageTitle() {
        return person == null ? "Volunteer" : person.name();
    }

    private void reload() {
        volunteers.profile(person.id()).ifPresentOrElse(this::showProfile, this::showNotEnrolled);
        signups.show(person.id(), person.name());
    }

    /** A status or hours change in the shifts list: refresh it and the hours total, keep unsaved profile edits. */
    private void signupChanged() {
        signups.getDataProvider().refreshAll();
        volunteers.profile(person.id()).ifPresent(this::showFacts);
    }

    private void showFacts(VolunteerProfile profile) {
        String email = profile.person().email() == null ? "No e-mail address" : profile.person().email();
        String since = "Volunteer since " + MONTH.format(profile.since().atZone(ZoneId.systemDefault()));
        facts.setText(String.join(" · ", email, since, When.hours(profile.totalHours()) + " hours in total"));
    }

    private void showProfile(VolunteerProfile profile) {
        showFacts(profile);
        notEnrolled.setVisible(false);
        profileArea.setVisible(true);
        shiftsHeading.setVisible(true);
        signups.setVisible(true);
        status.setValue(profile.status());
        List<Skill> offered = new ArrayList<>(skills.all().stream().filter(Skill::active).toList());
        profile.skills().stream().filter(held -> !offered.contains(held)).forEach(offered::add);
        skillPicker.setItems(offered);
        skillPicker.setValue(new HashSet<>(profile.skills()));
        languageItems.clear();
        languageItems.addAll(volunteers.languageSuggestions());
        profile.languages().stream().filter(l -> !languageItems.contains(l)).forEach(languageItems::add);
        languages.setItems(languageItems);
        languages.setValue(new HashSet<>(profile.languages()));
        notes.setValue(profile.notes() == null ? "" : profile.notes());
        availability.setWindows(profile.availability());
    }

    private void showNotEnrolled() {
        facts.setText(person.email() == null ? "" : person.email());
        profileArea.setVisible(false);
        shiftsHeading.setVisible(false);
        signups.setVisible(false);
        notEnrolled.removeAll();
        Button enrol = new Button("Enrol as volunteer", e -> {
            try {
                volunteers.enrol(person.id());
                Feedback.success(person.name() + " is now a volunteer.");
                reload();
            } catch (InvalidInputException error) {
                Feedback.error(error.getMessage());
            }
        });
        enrol.addThemeVariants(ButtonVariant.PRIMARY);
        notEnrolled.add(new Paragraph(person.name() + " is a supporter but not a volunteer yet. Enrol them to "
                + "record skills, languages and availability."), enrol);
        notEnrolled.setVisible(true);
    }

    private void save(FieldErrors errors) {
        List<String> chosenLanguages = languageItems.stream().filter(languages.getValue()::contains).toList();
        ProfileUpdate update = new ProfileUpdate(status.getValue(),
                skillPicker.getValue().stream().map(Skill::id).collect(Collectors.toSet()),
                chosenLanguages, notes.getValue(), availability.getWindows());
        try {
            availability.setInvalid(false);
            volunteers.updateProfile(person.id(), update);
            Feedback.success("Saved " + person.name() + "'s profile.");
            reload();
        } catch (InvalidInputException error) {
            errors.show(error);
        }
    }
}
