package io.ppmlab.emulator.odata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.edm.EdmFunction;
import org.apache.olingo.commons.api.edm.EdmNavigationProperty;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** $metadata must load in a real OData client and say what Dataverse's would say about our tables. */
class MetadataDocumentTest {
    private static final String NS = EdmFactory.NAMESPACE;
    private static MetadataDocument documents;
    private static Edm clientEdm;

    @BeforeAll static void readBackWithOlingoClient() {
        documents = ServiceModel.of(TestSchema.SCHEMA).documents();
        clientEdm = ODataClientFactory.getClient().getReader()
                .readMetadata(new ByteArrayInputStream(documents.csdlXml().getBytes(StandardCharsets.UTF_8)));
    }

    @Test void entitySetsAreNamedBySetNameAndTypedByLogicalName() {
        EdmEntitySet projects = clientEdm.getEntityContainer().getEntitySet("sensei_projects");
        assertThat(projects.getEntityType().getFullQualifiedName()).isEqualTo(new FullQualifiedName(NS, "sensei_project"));
        assertThat(clientEdm.getEntityContainer().getEntitySets()).hasSize(TestSchema.SCHEMA.tables().size());
        assertThat(clientEdm.getEntityContainer().getName()).isEqualTo("System");
    }

    @Test void keyIsTheIdAndTypesFollowColumnTypes() {
        EdmEntityType project = clientEdm.getEntityType(new FullQualifiedName(NS, "sensei_project"));
        assertThat(project.getKeyPredicateNames()).containsExactly("sensei_projectid");
        assertThat(typeOf(project, "sensei_projectid")).isEqualTo("Edm.Guid");
        assertThat(typeOf(project, "sensei_name")).isEqualTo("Edm.String");
        assertThat(typeOf(project, "sensei_description")).isEqualTo("Edm.String");
        assertThat(typeOf(project, "sensei_percentcomplete")).isEqualTo("Edm.Int32");
        assertThat(typeOf(project, "statuscode")).isEqualTo("Edm.Int32");
        assertThat(typeOf(project, "sensei_sequence")).isEqualTo("Edm.Int64");
        assertThat(typeOf(project, "sensei_effortremaining")).isEqualTo("Edm.Decimal");
        assertThat(typeOf(project, "sensei_cost")).isEqualTo("Edm.Decimal");
        assertThat(typeOf(project, "sensei_finishdate")).isEqualTo("Edm.DateTimeOffset");
        assertThat(typeOf(project, "sensei_startdate")).isEqualTo("Edm.Date");
        assertThat(typeOf(project, "sensei_ispublished")).isEqualTo("Edm.Boolean");
        assertThat(typeOf(project, "sensei_externalid")).isEqualTo("Edm.Guid");
    }

    @Test void lookupIsAValuePropertyPlusASingleValuedNavigationWithPartner() {
        EdmEntityType project = clientEdm.getEntityType(new FullQualifiedName(NS, "sensei_project"));
        assertThat(typeOf(project, "_sensei_program_value")).isEqualTo("Edm.Guid");
        assertThat(project.getStructuralProperty("sensei_program")).isNull();
        EdmNavigationProperty toProgram = project.getNavigationProperty("sensei_program");
        assertThat(toProgram.isCollection()).isFalse();
        assertThat(toProgram.getType().getName()).isEqualTo("sensei_program");
        assertThat(toProgram.getReferencingPropertyName("sensei_programid")).isEqualTo("_sensei_program_value");

        EdmNavigationProperty children = clientEdm.getEntityType(new FullQualifiedName(NS, "sensei_program"))
                .getNavigationProperty("sensei_project_sensei_program");
        assertThat(children.isCollection()).isTrue();
        assertThat(children.getType().getName()).isEqualTo("sensei_project");
        assertThat(children.getPartner().getName()).isEqualTo("sensei_program");
        assertThat(clientEdm.getEntityContainer().getEntitySet("sensei_programs")
                .getRelatedBindingTarget("sensei_project_sensei_program").getName()).isEqualTo("sensei_projects");
    }

    @Test void ownerNavigatesToThePrincipalBaseOfUsersAndTeams() {
        EdmEntityType project = clientEdm.getEntityType(new FullQualifiedName(NS, "sensei_project"));
        assertThat(project.getNavigationProperty("ownerid").getType().getName()).isEqualTo(EdmFactory.PRINCIPAL);
        EdmEntityType user = clientEdm.getEntityType(new FullQualifiedName(NS, "systemuser"));
        assertThat(user.getBaseType().getName()).isEqualTo(EdmFactory.PRINCIPAL);
        assertThat(user.getKeyPredicateNames()).containsExactly("ownerid");
        assertThat(typeOf(user, "systemuserid")).isEqualTo("Edm.Guid");
    }

    @Test void declaresWhoAmIAndTheQueryFunctions() {
        assertThat(clientEdm.getEntityContainer().getFunctionImport("WhoAmI")).isNotNull();
        assertThat(clientEdm.getComplexType(new FullQualifiedName(NS, "WhoAmIResponse")).getPropertyNames())
                .containsExactly("BusinessUnitId", "UserId", "OrganizationId");
        EdmFunction in = clientEdm.getUnboundFunctions(new FullQualifiedName(NS, "In")).get(0);
        assertThat(in.getParameterNames()).containsExactly("PropertyName", "PropertyValues");
        assertThat(in.getParameter("PropertyValues").isCollection()).isTrue();
        assertThat(in.getReturnType().getType().getName()).isEqualTo("Boolean");
        for (String name : QueryFunctions.names()) {
            assertThat(clientEdm.getUnboundFunctions(new FullQualifiedName(NS, name))).as(name).hasSize(1);
        }
    }

    @Test void csdlIsComputedOnce() {
        assertThat(documents.csdlXml()).isSameAs(documents.csdlXml()).startsWith("<?xml")
                .contains("Namespace=\"Microsoft.Dynamics.CRM\"", "Alias=\"mscrm\"");
    }

    @Test void serviceDocumentListsEverySet() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(documents.serviceDocumentJson("https://org.crm.dynamics.com/api/data/v9.2/"));
        assertThat(doc.get("@odata.context").asText()).isEqualTo("https://org.crm.dynamics.com/api/data/v9.2/$metadata");
        assertThat(doc.get("value")).hasSize(TestSchema.SCHEMA.tables().size());
        JsonNode first = doc.get("value").get(0);
        assertThat(first.get("name").asText()).isEqualTo("sensei_portfolios");
        assertThat(first.get("kind").asText()).isEqualTo("EntitySet");
        assertThat(first.get("url").asText()).isEqualTo("sensei_portfolios");
    }

    private static String typeOf(EdmEntityType type, String property) {
        return type.getStructuralProperty(property).getType().getFullQualifiedName().getFullQualifiedNameAsString();
    }
}
