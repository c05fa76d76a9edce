package io.ppmlab.emulator.odata;

import io.ppmlab.schema.Schema;
import java.util.List;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ServiceMetadata;

/**
 * The schema together with its Olingo EDM: built once at start-up and shared (read-only) by the URI parser
 * and the metadata writer. Olingo's {@code Edm} resolves lazily; writing {@link MetadataDocument} here walks
 * it all once, so an invalid schema fails at start-up and later concurrent lookups mostly hit its caches.
 */
public final class ServiceModel {
    private final Schema schema;
    private final OData odata;
    private final ServiceMetadata metadata;
    private final MetadataDocument documents;

    private ServiceModel(Schema schema) {
        this.schema = schema;
        this.odata = OData.newInstance();
        this.metadata = odata.createServiceMetadata(EdmFactory.provider(schema), List.of());
        this.documents = new MetadataDocument(this);
    }

    public static ServiceModel of(Schema schema) { return new ServiceModel(schema); }

    public Schema schema() { return schema; }

    public Edm edm() { return metadata.getEdm(); }

    /** {@code $metadata} and the service document (computed at construction, which also warms the EDM). */
    public MetadataDocument documents() { return documents; }

    OData odata() { return odata; }

    ServiceMetadata serviceMetadata() { return metadata; }
}
