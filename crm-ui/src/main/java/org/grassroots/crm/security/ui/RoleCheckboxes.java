package org.grassroots.crm.security.ui;

import java.util.EnumSet;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import org.grassroots.crm.security.Role;

/** One checkbox per role, each explaining below its label what the role may do. */
final class RoleCheckboxes extends CheckboxGroup<Role> {

    RoleCheckboxes() {
        super("Roles");
        setItems(EnumSet.allOf(Role.class));
        setItemLabelGenerator(Role::label);
        setItemHelperGenerator(Role::description);
        addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        setHelperText("A person may hold several roles.");
    }
}
