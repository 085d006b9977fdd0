package org.grassroots.crm.exports;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.exports.internal.ExportFormatRegistry;
import org.grassroots.crm.security.Role;
import org.springframework.stereotype.Service;

/** The file formats an export definition can choose: core's CSV and hashed match file, and the plugins'. */
@Service
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME})
public class ExportFormats {

    private final ExportFormatRegistry registry;

    ExportFormats(ExportFormatRegistry registry) {
        this.registry = registry;
    }

    public List<ExportFormatInfo> available() {
        return registry.all();
    }
}
