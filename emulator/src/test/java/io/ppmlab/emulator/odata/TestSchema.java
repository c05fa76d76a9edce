package io.ppmlab.emulator.odata;

import io.ppmlab.schema.AlternateKey;
import io.ppmlab.schema.Cascade;
import io.ppmlab.schema.Column;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.Ownership;
import io.ppmlab.schema.Relationship;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;
import java.util.ArrayList;
import java.util.List;

/** A small PPM-shaped schema for parser and metadata tests (the real one lives in the datasets module). */
final class TestSchema {
    private TestSchema() {}

    static final Schema SCHEMA = build();

    private static Schema build() {
        List<Table> tables = List.of(
                table("sensei_portfolio", "sensei_portfolios", owned(),
                        col("sensei_name", ColumnType.STRING), col("statecode", ColumnType.CHOICE)),
                table("sensei_program", "sensei_programs", owned(),
                        col("sensei_name", ColumnType.STRING), lookup("sensei_portfolio", "sensei_portfolio"),
                        col("statecode", ColumnType.CHOICE)),
                table("sensei_project", "sensei_projects", owned(),
                        col("sensei_name", ColumnType.STRING), lookup("sensei_program", "sensei_program"),
                        col("sensei_effortremaining", ColumnType.DECIMAL), col("sensei_cost", ColumnType.MONEY),
                        col("sensei_startdate", ColumnType.DATEONLY), col("sensei_finishdate", ColumnType.DATETIME),
                        col("sensei_percentcomplete", ColumnType.INT), col("sensei_sequence", ColumnType.BIGINT),
                        col("sensei_ispublished", ColumnType.BOOLEAN), col("sensei_description", ColumnType.MEMO),
                        col("sensei_externalid", ColumnType.UNIQUEIDENTIFIER), col("statecode", ColumnType.CHOICE),
                        col("statuscode", ColumnType.CHOICE), col("createdon", ColumnType.DATETIME)),
                table("sensei_risk", "sensei_risks", owned(),
                        col("sensei_name", ColumnType.STRING), lookup("sensei_project", "sensei_project"),
                        col("sensei_probability", ColumnType.INT), col("statecode", ColumnType.CHOICE)),
                table("sensei_changerequest", "sensei_changerequests", owned(),
                        col("sensei_name", ColumnType.STRING), lookup("sensei_project", "sensei_project"),
                        col("sensei_costestimate", ColumnType.MONEY), col("statuscode", ColumnType.CHOICE)),
                new Table("systemuser", "systemusers", "systemuserid", "fullname", Ownership.ORGANIZATION,
                        List.of(col("systemuserid", ColumnType.UNIQUEIDENTIFIER), col("fullname", ColumnType.STRING),
                                col("domainname", ColumnType.STRING), lookup("businessunitid", "businessunit"),
                                lookup("parentsystemuserid", "systemuser")),
                        List.of(new AlternateKey("domainname_key", List.of("domainname")))),
                new Table("team", "teams", "teamid", "name", Ownership.ORGANIZATION,
                        List.of(col("teamid", ColumnType.UNIQUEIDENTIFIER), col("name", ColumnType.STRING),
                                lookup("businessunitid", "businessunit")), List.of()),
                new Table("businessunit", "businessunits", "businessunitid", "name", Ownership.ORGANIZATION,
                        List.of(col("businessunitid", ColumnType.UNIQUEIDENTIFIER), col("name", ColumnType.STRING),
                                lookup("parentbusinessunitid", "businessunit")), List.of()));
        List<Relationship> rels = new ArrayList<>(List.of(
                rel("sensei_program_sensei_portfolio", "sensei_portfolio", "sensei_program", "sensei_portfolio"),
                rel("sensei_project_sensei_program", "sensei_program", "sensei_project", "sensei_program"),
                rel("sensei_risk_sensei_project", "sensei_project", "sensei_risk", "sensei_project"),
                rel("sensei_changerequest_sensei_project", "sensei_project", "sensei_changerequest", "sensei_project"),
                rel("business_unit_system_users", "businessunit", "systemuser", "businessunitid"),
                rel("team_businessunit_teams", "businessunit", "team", "businessunitid"),
                rel("business_unit_parent_business_unit", "businessunit", "businessunit", "parentbusinessunitid"),
                rel("user_parent_user", "systemuser", "systemuser", "parentsystemuserid"),
                rel("user_sensei_project", "systemuser", "sensei_project", "ownerid"),
                rel("team_sensei_project", "team", "sensei_project", "ownerid")));
        return new Schema(tables, rels);
    }

    private static List<Column> owned() {
        return List.of(lookup("ownerid", "systemuser", "team"), lookup("owningbusinessunit", "businessunit"));
    }

    private static Table table(String name, String set, List<Column> system, Column... columns) {
        List<Column> all = new ArrayList<>();
        all.add(col(name + "id", ColumnType.UNIQUEIDENTIFIER));
        all.addAll(List.of(columns));
        all.addAll(system);
        return new Table(name, set, name + "id", "sensei_name", Ownership.USER_OR_TEAM, all, List.of());
    }

    private static Column col(String name, ColumnType type) {
        return new Column(name, type, false, type == ColumnType.STRING ? 100 : 0, List.of(), List.of(), false, true);
    }

    private static Column lookup(String name, String... targets) {
        return new Column(name, ColumnType.LOOKUP, false, 0, List.of(), List.of(targets), false, true);
    }

    private static Relationship rel(String name, String parent, String child, String lookup) {
        return new Relationship(name, parent, child, lookup, Cascade.REFERENTIAL);
    }
}
