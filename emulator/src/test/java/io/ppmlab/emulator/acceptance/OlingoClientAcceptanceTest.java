package io.ppmlab.emulator.acceptance;

import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.api.communication.request.cud.ODataEntityCreateRequest;
import org.apache.olingo.client.api.communication.request.cud.ODataEntityUpdateRequest;
import org.apache.olingo.client.api.communication.request.cud.UpdateType;
import org.apache.olingo.client.api.communication.request.retrieve.EdmMetadataRequest;
import org.apache.olingo.client.api.communication.request.retrieve.ODataEntityRequest;
import org.apache.olingo.client.api.communication.response.ODataEntityCreateResponse;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.format.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** Apache Olingo's OData client, unchanged, loads $metadata and creates, reads and updates a row. */
class OlingoClientAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();
    static ODataClient client;
    static String bearer;

    @BeforeAll
    static void connect() {
        client = ODataClientFactory.getClient();
        client.getConfiguration().setDefaultPubFormat(ContentType.JSON_NO_METADATA);
        bearer = "Bearer " + lab.adminToken();
    }

    @Test
    void metadataLoadsIntoTheClientsEdm() {
        EdmMetadataRequest request = client.getRetrieveRequestFactory().getMetadataRequest(lab.http().api());
        request.addCustomHeader("Authorization", bearer);
        Edm edm = request.execute().getBody();
        assertThat(edm.getEntityContainer().getEntitySet("sensei_projects")).isNotNull();
        assertThat(edm.getEntityType(new FullQualifiedName("Microsoft.Dynamics.CRM", "sensei_program"))
                .getNavigationPropertyNames()).contains("sensei_project_sensei_program");
    }

    @Test
    void createReadAndUpdateThroughTheClient() {
        var factory = client.getObjectFactory();
        ClientEntity portfolio = factory.newEntity(new FullQualifiedName("Microsoft.Dynamics.CRM", "sensei_portfolio"));
        portfolio.getProperties().add(factory.newPrimitiveProperty("sensei_name",
                factory.newPrimitiveValueBuilder().buildString("From Olingo")));
        URI set = client.newURIBuilder(lab.http().api()).appendEntitySetSegment("sensei_portfolios").build();
        ODataEntityCreateRequest<ClientEntity> create = client.getCUDRequestFactory().getEntityCreateRequest(set, portfolio);
        create.addCustomHeader("Authorization", bearer);
        create.setPrefer("return=representation");
        ODataEntityCreateResponse<ClientEntity> created = create.execute();
        assertThat(created.getStatusCode()).isEqualTo(201);
        java.util.UUID id = java.util.UUID.fromString(created.getBody().getProperty("sensei_portfolioid").getPrimitiveValue().toString());

        URI row = client.newURIBuilder(lab.http().api()).appendEntitySetSegment("sensei_portfolios").appendKeySegment(id).build();
        ODataEntityRequest<ClientEntity> read = client.getRetrieveRequestFactory().getEntityRequest(row);
        read.addCustomHeader("Authorization", bearer);
        assertThat(read.execute().getBody().getProperty("sensei_name").getPrimitiveValue().toString()).isEqualTo("From Olingo");

        ClientEntity change = factory.newEntity(new FullQualifiedName("Microsoft.Dynamics.CRM", "sensei_portfolio"));
        change.getProperties().add(factory.newPrimitiveProperty("sensei_name", factory.newPrimitiveValueBuilder().buildString("Renamed by Olingo")));
        ODataEntityUpdateRequest<ClientEntity> update = client.getCUDRequestFactory().getEntityUpdateRequest(row, UpdateType.PATCH, change);
        update.addCustomHeader("Authorization", bearer);
        assertThat(update.execute().getStatusCode()).isEqualTo(204);
        ODataEntityRequest<ClientEntity> again = client.getRetrieveRequestFactory().getEntityRequest(row);
        again.addCustomHeader("Authorization", bearer);
        assertThat(again.execute().getBody().getProperty("sensei_name").getPrimitiveValue().toString()).isEqualTo("Renamed by Olingo");
    }
}
