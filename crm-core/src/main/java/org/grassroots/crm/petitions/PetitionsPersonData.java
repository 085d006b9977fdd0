package org.grassroots.crm.petitions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.crm.people.PersonDataParticipant;
import org.grassroots.crm.petitions.internal.SignatureSql;
import org.springframework.stereotype.Component;

/**
 * Signatures follow a supporter through merges and erasure and into their subject-access export. Runs inside the
 * people feature's transaction, which checks access and writes the one audit event, so nothing is audited here.
 */
@Component
class PetitionsPersonData implements PersonDataParticipant {

    private final SignatureSql signatures;

    PetitionsPersonData(SignatureSql signatures) {
        this.signatures = signatures;
    }

    @Override
    public String section() {
        return "petitions";
    }

    /**
     * Signatures move to the survivor. Where both people signed the same petition, the earlier signature stays (with
     * its source and comment) and the later one is deleted, so that petition's count drops by one.
     */
    @Override
    public void moveAll(long fromPersonId, long intoPersonId) {
        if (fromPersonId != intoPersonId) {
            signatures.move(fromPersonId, intoPersonId);
        }
    }

    /**
     * Deletes the person's signatures outright: a signature is a political opinion tied to a name, and nothing needs
     * it once the name is gone. Every petition they signed counts one signature fewer afterwards.
     */
    @Override
    public void erase(long personId) {
        signatures.deleteAll(personId);
    }

    @Override
    public List<Map<String, Object>> export(long personId) {
        return signatures.forPerson(personId, Integer.MAX_VALUE).stream().map(signature -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("petition", signature.petitionTitle());
            item.put("petitionId", signature.petitionId());
            item.put("signedAt", signature.signedAt().toString());
            item.put("source", signature.source());
            item.put("comment", signature.comment());
            item.put("externalId", signature.externalId());
            return item;
        }).toList();
    }
}
