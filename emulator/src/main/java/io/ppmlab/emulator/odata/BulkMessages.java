package io.ppmlab.emulator.odata;

import static io.ppmlab.emulator.odata.EdmFactory.fqn;

import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.provider.CsdlAction;
import org.apache.olingo.commons.api.edm.provider.CsdlComplexType;
import org.apache.olingo.commons.api.edm.provider.CsdlParameter;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlReturnType;

/**
 * Dataverse's bulk messages, bound to an entity set so that Olingo parses
 * {@code sensei_projects/Microsoft.Dynamics.CRM.CreateMultiple}: {@code CreateMultiple} (returns
 * {@code CreateMultipleResponse} with {@code Ids}), {@code UpdateMultiple} and {@code UpsertMultiple} (204, no body).
 * Dataverse declares them once on {@code crmbaseentity}; Olingo binds only on the exact type, so there is one
 * overload per table.
 */
public final class BulkMessages {
    public static final String CREATE_MULTIPLE = "CreateMultiple";
    public static final String UPDATE_MULTIPLE = "UpdateMultiple";
    public static final String UPSERT_MULTIPLE = "UpsertMultiple";
    public static final Set<String> NAMES = Set.of(CREATE_MULTIPLE, UPDATE_MULTIPLE, UPSERT_MULTIPLE);
    static final String CREATE_MULTIPLE_RESPONSE = "CreateMultipleResponse";

    private BulkMessages() {}

    static List<CsdlComplexType> complexTypes() {
        return List.of(new CsdlComplexType().setName(CREATE_MULTIPLE_RESPONSE).setProperties(List.of(
                new CsdlProperty().setName("Ids").setType(EdmPrimitiveTypeKind.Guid.getFullQualifiedName()).setCollection(true))));
    }

    static List<CsdlAction> actions(Schema schema) {
        List<CsdlAction> all = new ArrayList<>();
        for (Table t : schema.tables()) {
            all.add(action(CREATE_MULTIPLE, t).setReturnType(new CsdlReturnType().setType(fqn(CREATE_MULTIPLE_RESPONSE)).setNullable(false)));
            all.add(action(UPDATE_MULTIPLE, t));
            all.add(action(UPSERT_MULTIPLE, t));
        }
        return all;
    }

    private static CsdlAction action(String name, Table table) {
        return new CsdlAction().setName(name).setBound(true).setParameters(List.of(
                new CsdlParameter().setName("entityset").setType(fqn(table.logicalName())).setCollection(true).setNullable(false),
                new CsdlParameter().setName("Targets").setType(fqn(table.logicalName())).setCollection(true).setNullable(false)));
    }
}
