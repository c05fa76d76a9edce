package io.ppmlab.emulator.acceptance;

import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.api.communication.request.retrieve.EdmMetadataRequest;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.client.api.communication.request.retrieve.ODataEntitySetRequest;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.api.domain.ClientEntitySet;
import org.apache.olingo.client.api.domain.ClientInlineEntity;
import org.apache.olingo.client.api.domain.ClientInlineEntitySet;
import org.apache.olingo.client.api.domain.ClientLink;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.format.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apache Olingo's OData client, unchanged, pages through a query with {@code Prefer: odata.maxpagesize} by
 * following {@code @odata.nextLink}, and reads the expanded lookup and collection of each row.
 */
class QueryClientAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();
    static ODataClient client;
    static String bearer;

    @BeforeAll
    static void connect() {
        bearer = "Bearer " + lab.adminToken();
        // The client reads $metadata first (as a Dataverse client does) so that it knows navigation properties.
        ODataClient plain = ODataClientFactory.getClient();
        EdmMetadataRequest metadata = plain.getRetrieveRequestFactory().getMetadataRequest(lab.http().api());
        metadata.addCustomHeader("Authorization", bearer);
        Edm edm = metadata.execute().getBody();
        client = ODataClientFactory.getEdmEnabledClient(lab.http().api(), edm, null);
        client.getConfiguration().setDefaultPubFormat(ContentType.JSON_NO_METADATA);
    }

    @Test
    void pagesWithNextLinksAndReadsExpandedRows() {
        URI uri = client.newURIBuilder(lab.http().api()).appendEntitySetSegment("sensei_projects")
                .select("sensei_name").expand("sensei_program($select=sensei_name)", "sensei_risk_sensei_project($select=sensei_name)")
                .orderBy("sensei_name").build();
        List<String> names = new ArrayList<>();
        List<String> programs = new ArrayList<>();
        int pages = 0;
        int risks = 0;
        while (uri != null) {
            ODataEntitySetRequest<ClientEntitySet> request = client.getRetrieveRequestFactory().getEntitySetRequest(uri);
            request.addCustomHeader("Authorization", bearer);
            request.setPrefer("odata.maxpagesize=4");
            ClientEntitySet page = request.execute().getBody();
            for (ClientEntity e : page.getEntities()) {
                names.add(e.getProperty("sensei_name").getPrimitiveValue().toString());
                ClientLink program = e.getNavigationLink("sensei_program");
                programs.add(((ClientInlineEntity) program).getEntity().getProperty("sensei_name").getPrimitiveValue().toString());
                risks += ((ClientInlineEntitySet) e.getNavigationLink("sensei_risk_sensei_project")).getEntitySet().getEntities().size();
            }
            uri = page.getNext();
            pages++;
        }
        assertThat(pages).isEqualTo(2);
        assertThat(names).containsExactly("HR Project 1", "HR Project 2", "HR Project 3", "IT Project 1", "IT Project 2", "IT Project 3");
        assertThat(programs).containsExactly("HR Program 1", "HR Program 2", "HR Program 3", "IT Program 1", "IT Program 2", "IT Program 3");
        assertThat(risks).isEqualTo(12);
    }
}
