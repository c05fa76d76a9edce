package io.ppmlab.emulator.acceptance;

import io.ppmlab.schema.Row;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.ppmlab.emulator.acceptance.SecurityBodies.access;
import static io.ppmlab.emulator.acceptance.SecurityBodies.members;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the generator does not make and the oracle wants covered, made through the Web API as an admin would: an
 * owner team with members from several business units, headline rows assigned to it (their registers follow),
 * and direct shares of random rows with users, with that team and with generated group teams (a share on a
 * headline row reaches its registers through the parental relationship).
 */
final class OracleSharing {
    private static final String[] MASKS = {"ReadAccess", "ReadAccess,WriteAccess", "WriteAccess,AppendToAccess"};
    private static final List<String> SHARED_TABLES = List.of("sensei_portfolio", "sensei_program", "sensei_project",
            "sensei_risk", "sensei_issue", "sensei_changerequest");

    private final LabHttp http;
    private final OracleWorld world;
    private final Random random;
    private final String admin;

    OracleSharing(LabHttp http, OracleWorld world, Random random) {
        this.http = http;
        this.world = world;
        this.random = random;
        this.admin = http.token("admin@contoso.test", "demo");
    }

    void apply(List<Row> users) {
        UUID team = UUID.nameUUIDFromBytes("leak-oracle-owner-team".getBytes(StandardCharsets.UTF_8));
        Row home = users.get(random.nextInt(users.size()));
        UUID unit = home.ref("businessunitid").id();
        ok(http.post(admin, "teams", "{\"teamid\":\"" + team + "\",\"name\":\"Oracle delivery\",\"teamtype\":0"
                + ",\"businessunitid@odata.bind\":\"/businessunits(" + unit + ")\""
                + ",\"administratorid@odata.bind\":\"/systemusers(" + home.id() + ")\"}"));
        List<UUID> memberIds = new ArrayList<>();
        for (int i = 0; i < 8; i++) memberIds.add(users.get(random.nextInt(users.size())).id());
        ok(http.post(admin, "teams(" + team + ")/Microsoft.Dynamics.CRM.AddMembersTeam", members(memberIds.toArray(UUID[]::new))));
        for (String table : List.of("sensei_program", "sensei_project", "sensei_project")) {
            Row r = any(table);
            ok(http.put(admin, world.table(table).entitySetName() + "(" + r.id() + ")/ownerid/$ref",
                    "{\"@odata.id\":\"" + http.api() + "teams(" + team + ")\"}"));
        }
        List<UUID> groupTeams = new ArrayList<>();
        world.model.principals().teams().forEach(t -> { if (!t.id().equals(team)) groupTeams.add(t.id()); });
        for (int i = 0; i < 40; i++) {
            String table = SHARED_TABLES.get(random.nextInt(SHARED_TABLES.size()));
            Row r = any(table);
            String mask = MASKS[random.nextInt(MASKS.length)];
            int kind = random.nextInt(4);
            String principalTable = kind < 2 ? "systemuser" : "team";
            UUID principal = switch (kind) {
                case 0, 1 -> users.get(random.nextInt(users.size())).id();
                case 2 -> team;
                default -> groupTeams.get(random.nextInt(groupTeams.size()));
            };
            ok(http.post(admin, "GrantAccess", access(table, r.id(), principalTable, principal, mask)));
        }
    }

    private Row any(String table) {
        List<Row> rows = world.rows(table);
        return rows.get(random.nextInt(rows.size()));
    }

    private static void ok(LabHttp.Reply r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 204);
    }
}
