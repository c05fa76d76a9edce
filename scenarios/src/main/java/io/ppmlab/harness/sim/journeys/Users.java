package io.ppmlab.harness.sim.journeys;

import io.ppmlab.harness.sim.Fixtures;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns the fixtures' users of a persona into Gatling feeder records (null fields left out). */
final class Users {
    private Users() {}

    static List<Map<String, Object>> records(List<Fixtures.PersonaUser> users) {
        if (users == null || users.isEmpty()) throw new IllegalStateException("the fixtures hold no user for this persona");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Fixtures.PersonaUser u : users) {
            Map<String, Object> m = new HashMap<>();
            put(m, "upn", u.upn());
            put(m, "userId", u.userId());
            put(m, "writableProject", u.writableProject());
            put(m, "readOnlyProject", u.readOnlyProject());
            put(m, "unreadableProject", u.unreadableProject());
            put(m, "writableRisk", u.writableRisk());
            put(m, "writableTask", u.writableTask());
            put(m, "outsider", u.outsider());
            out.add(m);
        }
        return out;
    }

    private static void put(Map<String, Object> m, String k, String v) {
        if (v != null) m.put(k, v);
    }
}
