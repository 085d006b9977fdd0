package org.grassroots.crm.security.internal;

import org.grassroots.crm.security.UserAccount;
import org.mapstruct.Mapper;

@Mapper(componentModel = "spring")
public interface UserAccountMapper {

    UserAccount toAccount(AppUser user);
}
