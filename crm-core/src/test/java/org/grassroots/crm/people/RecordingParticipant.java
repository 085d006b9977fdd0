package org.grassroots.crm.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * A stand-in for the features that keep data about people (donations, volunteering): records the calls the people
 * feature makes, and exports a fixed section. A plain component in test sources, so every test context stays the
 * same one.
 */
@Component
class RecordingParticipant implements PersonDataParticipant {

    record Move(long from, long into) {
    }

    final List<Move> moves = new ArrayList<>();
    final List<Long> erased = new ArrayList<>();

    @Override
    public String section() {
        return "testFeature";
    }

    @Override
    public synchronized void moveAll(long fromPersonId, long intoPersonId) {
        moves.add(new Move(fromPersonId, intoPersonId));
    }

    @Override
    public synchronized void erase(long personId) {
        erased.add(personId);
    }

    @Override
    public List<Map<String, Object>> export(long personId) {
        return List.of(Map.of("personId", personId, "fact", "recorded by the test participant"));
    }
}
