package io.ppmlab.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaLoaderTest {
    static final Schema SCHEMA = SchemaLoader.loadDefault();

    static final List<String> REGISTERS = List.of("sensei_risk", "sensei_issue", "sensei_changerequest", "sensei_decision",
            "sensei_actionitem", "sensei_deliverable", "sensei_lessonlearned", "sensei_assumption", "sensei_keydate",
            "sensei_dependency", "sensei_benefit");

    static final List<String> KPI_COLUMNS = List.of("sensei_overallstatus", "sensei_deliverablesstatus", "sensei_schedulestatus",
            "sensei_workstatus", "sensei_financialsstatus", "sensei_issuesstatus", "sensei_changerequestsstatus", "sensei_risksstatus");

    @Test
    void loadsEveryDocumentedTable() {
        for (String t : List.of("businessunit", "systemuser", "team", "teammembership", "role", "systemuserroles", "teamroles",
                "principalobjectaccess", "organization", "bookableresource", "transactioncurrency",
                "sensei_portfolio", "sensei_program", "sensei_project", "sensei_task", "sensei_statusupdate", "sensei_proposal",
                "sensei_challenge", "sensei_idea", "sensei_strategictheme", "sensei_strategicgoal", "sensei_enterprisecalendar",
                "sensei_calendarexception", "sensei_resourcecapacity", "sensei_resourceassignment", "sensei_resourcerequest",
                "sensei_resourcedemand", "sensei_timesheet", "sensei_timesheetentry", "sensei_timesheetapproval",
                "sensei_configurationsetting", "sensei_processlog", "sensei_scheduledprocess")) {
            assertThat(SCHEMA.table(t)).as(t).isPresent();
        }
        REGISTERS.forEach(t -> assertThat(SCHEMA.table(t)).as(t).isPresent());
    }

    @Test
    void everyTableStartsWithTheSystemColumnsInOrder() {
        List<String> common = List.of("createdon", "modifiedon", "createdby", "modifiedby", "createdonbehalfby",
                "modifiedonbehalfby", "versionnumber", "statecode", "statuscode");
        List<String> owner = List.of("ownerid", "owninguser", "owningteam", "owningbusinessunit");
        for (Table t : SCHEMA.tables()) {
            List<String> expected = new java.util.ArrayList<>();
            expected.add(t.logicalName() + "id");
            expected.addAll(common);
            if (t.userOwned()) expected.addAll(owner);
            List<Column> cols = t.columns();
            assertThat(cols.subList(0, expected.size()).stream().map(Column::name).toList()).as(t.logicalName()).isEqualTo(expected);
            assertThat(cols.subList(0, expected.size())).allMatch(Column::system);
            assertThat(cols.subList(expected.size(), cols.size())).as(t.logicalName()).noneMatch(Column::system);
            assertThat(SystemColumns.names(t.logicalName(), t.ownership())).isEqualTo(expected);
            assertThat(t.primaryIdColumn()).isEqualTo(t.logicalName() + "id");
            assertThat(t.column(t.primaryIdColumn()).orElseThrow().type()).isEqualTo(ColumnType.UNIQUEIDENTIFIER);
        }
    }

    @Test
    void systemColumnTypesAndWritability() {
        Table risk = SCHEMA.table("sensei_risk").orElseThrow();
        for (String c : List.of("createdon", "modifiedon")) assertColumn(risk, c, ColumnType.DATETIME, false);
        for (String c : List.of("createdby", "modifiedby", "createdonbehalfby", "modifiedonbehalfby", "owninguser")) {
            assertColumn(risk, c, ColumnType.LOOKUP, false);
            assertThat(risk.column(c).orElseThrow().targets()).containsExactly("systemuser");
        }
        assertColumn(risk, "versionnumber", ColumnType.BIGINT, false);
        assertColumn(risk, "ownerid", ColumnType.LOOKUP, true);
        assertThat(risk.column("ownerid").orElseThrow().targets()).containsExactly("systemuser", "team");
        assertThat(risk.column("owningteam").orElseThrow().targets()).containsExactly("team");
        assertThat(risk.column("owningbusinessunit").orElseThrow().targets()).containsExactly("businessunit");
        assertThat(risk.column("statecode").orElseThrow().choices()).containsExactly(new Choice(0, "Active"), new Choice(1, "Inactive"));
        assertThat(risk.column("statuscode").orElseThrow().choices()).containsExactly(new Choice(1, "Active"), new Choice(2, "Inactive"));
        assertThat(SCHEMA.table("sensei_configurationsetting").orElseThrow().column("ownerid")).isEmpty();
    }

    @Test
    void entitySetNamesAreUniqueEnglishPlurals() {
        Set<String> sets = new HashSet<>();
        SCHEMA.tables().forEach(t -> assertThat(sets.add(t.entitySetName())).as(t.entitySetName()).isTrue());
        Map<String, String> expected = Map.of("sensei_resourcecapacity", "sensei_resourcecapacities",
                "sensei_strategictheme", "sensei_strategicthemes", "sensei_processlog", "sensei_processlogs",
                "sensei_timesheet", "sensei_timesheets", "sensei_project", "sensei_projects",
                "sensei_changerequest", "sensei_changerequests", "sensei_dependency", "sensei_dependencies",
                "principalobjectaccess", "principalobjectaccessset", "systemuserroles", "systemuserrolescollection",
                "transactioncurrency", "transactioncurrencies");
        expected.forEach((t, set) -> assertThat(SCHEMA.table(t).orElseThrow().entitySetName()).isEqualTo(set));
        assertThat(SCHEMA.tableBySet("sensei_statusupdates")).map(Table::logicalName).contains("sensei_statusupdate");
    }

    @Test
    void productTablesUseSenseiNameAsPrimaryName() {
        SCHEMA.tables().stream().filter(t -> t.logicalName().startsWith("sensei_")).forEach(t -> {
            assertThat(t.primaryNameColumn()).as(t.logicalName()).isEqualTo("sensei_name");
            assertThat(t.column("sensei_name").orElseThrow().type()).isEqualTo(ColumnType.STRING);
        });
        assertThat(SCHEMA.table("systemuser").orElseThrow().primaryNameColumn()).isEqualTo("fullname");
    }

    @ParameterizedTest(name = "{0}.{1} is {2}")
    @CsvSource({
            "sensei_project, sensei_program, LOOKUP", "sensei_project, sensei_portfolio, LOOKUP",
            "sensei_project, sensei_effortremaining, DECIMAL", "sensei_project, sensei_projectstart, DATEONLY",
            "sensei_project, sensei_projectfinish, DATEONLY", "sensei_project, sensei_budget, MONEY",
            "sensei_project, sensei_percentcomplete, DECIMAL", "sensei_project, sensei_projectmanager, LOOKUP",
            "sensei_program, sensei_portfolio, LOOKUP",
            "sensei_task, sensei_project, LOOKUP", "sensei_task, sensei_parenttask, LOOKUP", "sensei_task, sensei_start, DATEONLY",
            "sensei_task, sensei_finish, DATEONLY", "sensei_task, sensei_effort, DECIMAL", "sensei_task, sensei_assignedto, LOOKUP",
            "sensei_changerequest, sensei_costestimate, MONEY", "sensei_changerequest, sensei_project, LOOKUP",
            "sensei_statusupdate, sensei_projectlink, LOOKUP", "sensei_statusupdate, sensei_program, LOOKUP",
            "sensei_statusupdate, sensei_startdate, DATEONLY", "sensei_idea, sensei_challenge, LOOKUP",
            "sensei_strategicgoal, sensei_strategictheme, LOOKUP", "sensei_benefit, sensei_project, LOOKUP",
            "sensei_resourcecapacity, sensei_bookableresource, LOOKUP", "sensei_resourcecapacity, sensei_date, DATEONLY",
            "sensei_configurationsetting, sensei_value, MEMO",
            "systemuser, domainname, STRING", "systemuser, businessunitid, LOOKUP", "systemuser, azureactivedirectoryobjectid, UNIQUEIDENTIFIER",
            "systemuser, applicationid, UNIQUEIDENTIFIER", "systemuser, parentsystemuserid, LOOKUP", "systemuser, isdisabled, BOOLEAN",
            "team, teamtype, CHOICE", "team, azureactivedirectoryobjectid, UNIQUEIDENTIFIER", "team, businessunitid, LOOKUP",
            "team, administratorid, LOOKUP", "team, membershiptype, CHOICE", "businessunit, parentbusinessunitid, LOOKUP",
            "role, parentrootroleid, LOOKUP", "principalobjectaccess, accessrightsmask, INT",
            "principalobjectaccess, inheritedaccessrightsmask, INT", "principalobjectaccess, objectid, UNIQUEIDENTIFIER",
            "bookableresource, userid, LOOKUP", "bookableresource, sensei_linemanager, LOOKUP", "bookableresource, resourcetype, CHOICE"
    })
    void seedRequiredColumnsExist(String table, String column, ColumnType type) {
        assertThat(SCHEMA.table(table).orElseThrow().column(column)).as(table + "." + column).map(Column::type).contains(type);
    }

    @Test
    void registersHangUnderProjectsProgramsAndPortfolios() {
        for (String t : REGISTERS) {
            Table table = SCHEMA.table(t).orElseThrow();
            for (String c : List.of("sensei_project", "sensei_program", "sensei_portfolio", "sensei_assignedto", "sensei_duedate", "sensei_description")) {
                assertThat(table.column(c)).as(t + "." + c).isPresent();
            }
            assertRelationship(t + "_sensei_project", "sensei_project", t, "sensei_project", Cascade.PARENTAL);
            assertRelationship(t + "_sensei_program", "sensei_program", t, "sensei_program", Cascade.REFERENTIAL);
            assertRelationship(t + "_sensei_assignedto", "systemuser", t, "sensei_assignedto", Cascade.REFERENTIAL);
        }
    }

    @Test
    void statusUpdateKpisUseTheShippedOptions() {
        Table su = SCHEMA.table("sensei_statusupdate").orElseThrow();
        for (String c : KPI_COLUMNS) {
            assertThat(su.column(c).orElseThrow().choices()).as(c).containsExactly(
                    new Choice(955000000, "On Track"), new Choice(955000001, "On Watch"), new Choice(955000002, "Troubled"));
        }
        assertRelationship("sensei_statusupdate_sensei_projectlink", "sensei_project", "sensei_statusupdate", "sensei_projectlink", Cascade.PARENTAL);
    }

    @Test
    void changeRequestStatus955000002IsRejected() {
        Column status = SCHEMA.table("sensei_changerequest").orElseThrow().column("statuscode").orElseThrow();
        assertThat(status.choices()).startsWith(new Choice(1, "Active"), new Choice(2, "Inactive"));
        assertThat(status.label(955000002)).contains("Rejected");
        assertThat(status.label(955000000)).contains("Submitted");
    }

    @Test
    void programToProjectsNavigationIsTheDocumentedName() {
        Relationship r = SCHEMA.collectionNavigation("sensei_program", "sensei_project_sensei_program").orElseThrow();
        assertThat(r.referencingTable()).isEqualTo("sensei_project");
        assertThat(r.lookupColumn()).isEqualTo("sensei_program");
        assertThat(r.cascade()).isEqualTo(Cascade.REFERENTIAL);
        assertThat(SCHEMA.collectionNavigation("sensei_project", "sensei_risk_sensei_project")).isPresent();
        assertRelationship("sensei_program_sensei_portfolio", "sensei_portfolio", "sensei_program", "sensei_portfolio", Cascade.REFERENTIAL);
    }

    @Test
    void everyLookupHasARelationshipExceptPolymorphicOwner() {
        for (Table t : SCHEMA.tables()) {
            for (Column c : t.columns()) {
                if (c.type() != ColumnType.LOOKUP || c.name().equals("ownerid")) continue;
                assertThat(SCHEMA.parentsOf(t.logicalName())).as(t.logicalName() + "." + c.name())
                        .anyMatch(r -> r.lookupColumn().equals(c.name()) && c.targets().equals(List.of(r.referencedTable())));
            }
        }
        assertThat(SCHEMA.relationships()).extracting(Relationship::schemaName).contains(
                "lk_sensei_project_createdby", "team_sensei_project", "user_sensei_project", "business_unit_sensei_project",
                "business_unit_system_users", "teammembership_teamid");
    }

    @Test
    void alternateKeysNameRealColumns() {
        assertThat(SCHEMA.table("systemuser").orElseThrow().alternateKeys()).extracting(AlternateKey::columns).contains(List.of("domainname"));
        assertThat(SCHEMA.table("sensei_configurationsetting").orElseThrow().alternateKeys()).extracting(AlternateKey::columns).contains(List.of("sensei_name"));
        for (Table t : SCHEMA.tables()) {
            for (AlternateKey k : t.alternateKeys()) assertThat(t.columnsByName().keySet()).containsAll(k.columns());
        }
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Map<String, String> docs = SchemaLoader.defaultDocuments();
        docs.put("broken.json", """
                {"tables": [
                  {"name": "sensei_project", "columns": [{"name": "sensei_name", "type": "STRING"}]},
                  {"name": "sensei_thing", "entitySet": "sensei_projects", "columns": [
                    {"name": "sensei_name", "type": "STRING"},
                    {"name": "sensei_owner", "type": "LOOKUP", "target": "sensei_nosuchtable"},
                    {"name": "sensei_kpi", "type": "CHOICE", "choiceSet": "nosuchset"},
                    {"name": "sensei_a", "type": "LOOKUP", "target": "sensei_project", "cascade": "PARENTAL"},
                    {"name": "sensei_b", "type": "LOOKUP", "target": "sensei_program", "cascade": "PARENTAL"},
                    {"name": "createdon", "type": "DATETIME"}]},
                  {"name": "sensei_nameless", "columns": [{"name": "sensei_title", "type": "STRING"}]}
                ]}""");
        assertThatThrownBy(() -> SchemaLoader.parse(docs)).isInstanceOf(SchemaException.class).satisfies(e -> {
            List<String> problems = ((SchemaException) e).problems();
            assertThat(problems).anyMatch(p -> p.contains("duplicate table sensei_project"));
            assertThat(problems).anyMatch(p -> p.contains("entity set sensei_projects used by both"));
            assertThat(problems).anyMatch(p -> p.contains("unknown table sensei_nosuchtable"));
            assertThat(problems).anyMatch(p -> p.contains("unknown choice set nosuchset"));
            assertThat(problems).anyMatch(p -> p.contains("more than one PARENTAL lookup"));
            assertThat(problems).anyMatch(p -> p.contains("duplicate column createdon"));
            assertThat(problems).anyMatch(p -> p.contains("sensei_nameless: primary name column sensei_name is not declared"));
        });
    }

    @Test
    void rejectsUnknownJsonProperties() {
        Map<String, String> docs = SchemaLoader.defaultDocuments();
        docs.put("typo.json", "{\"tables\": [{\"name\": \"sensei_x\", \"colums\": []}]}");
        assertThatThrownBy(() -> SchemaLoader.parse(docs)).isInstanceOf(SchemaException.class).hasMessageContaining("typo.json");
    }

    @Test
    void entitySetPluralRule() {
        assertThat(EntitySetNames.plural("sensei_resourcecapacity")).isEqualTo("sensei_resourcecapacities");
        assertThat(EntitySetNames.plural("sensei_process")).isEqualTo("sensei_processes");
        assertThat(EntitySetNames.plural("sensei_key")).isEqualTo("sensei_keys");
        assertThat(EntitySetNames.plural("sensei_project")).isEqualTo("sensei_projects");
    }

    private static void assertColumn(Table t, String name, ColumnType type, boolean writable) {
        Column c = t.column(name).orElseThrow();
        assertThat(c.type()).as(name).isEqualTo(type);
        assertThat(c.writable()).as(name + " writable").isEqualTo(writable);
    }

    private static void assertRelationship(String name, String parent, String child, String lookup, Cascade cascade) {
        assertThat(SCHEMA.relationships()).as(name).contains(new Relationship(name, parent, child, lookup, cascade));
    }
}
