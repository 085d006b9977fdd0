package org.grassroots.crm.security.ui;

import org.grassroots.crm.security.UserAccessChanged;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends every open session of a person whose account an admin disabled, re-roled or gave a new password, once that
 * change is committed. Their next request lands on the sign-in page with an explanation.
 */
@Component
class SessionsEndOnAccessChange {

    private final SessionRegistry sessions;

    SessionsEndOnAccessChange(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onAccessChanged(UserAccessChanged event) {
        sessions.getAllPrincipals().stream()
                .filter(principal -> principal instanceof UserDetails user
                        && user.getUsername().equals(event.username()))
                .flatMap(principal -> sessions.getAllSessions(principal, false).stream())
                .forEach(SessionInformation::expireNow);
    }
}
