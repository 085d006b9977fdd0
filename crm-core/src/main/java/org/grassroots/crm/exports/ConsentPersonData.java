package org.grassroots.crm.exports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.exports.internal.ConsentSql;
import org.grassroots.crm.people.PersonDataParticipant;
import org.springframework.stereotype.Component;

/**
 * Sharing consents follow a supporter through merges (the later decision per partner stands, see
 * {@link ConsentSql#move}) and erasure (consents and their history are deleted: nothing may be shared about someone
 * erased, and the history names the petitions they signed), and appear in their subject-access export. Runs inside
 * the people feature's transaction, which checks access and writes the audit event.
 */
@Component
class ConsentPersonData implements PersonDataParticipant {

    private final ConsentSql consents;

    ConsentPersonData(ConsentSql consents) {
        this.consents = consents;
    }

    @Override
    public String section() {
        return "partnerConsents";
    }

    @Override
    public void moveAll(long fromPersonId, long intoPersonId) {
        if (fromPersonId != intoPersonId) {
            consents.move(fromPersonId, intoPersonId);
        }
    }

    @Override
    public void erase(long personId) {
        consents.erase(personId);
    }

    @Override
    public List<Map<String, Object>> export(long personId) {
        return consents.history(personId).stream().map(event -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("partner", event.partnerName());
            item.put("decision", event.kind().name());
            item.put("occurredAt", event.occurredAt().toString());
            item.put("notice", event.noticeText());
            item.put("source", event.source() == null ? null : event.source().kind().name());
            item.put("petitionId", event.source() == null ? null : event.source().petitionId());
            item.put("note", event.note());
            return item;
        }).toList();
    }
}
