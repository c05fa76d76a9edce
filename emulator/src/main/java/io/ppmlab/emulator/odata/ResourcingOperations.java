package io.ppmlab.emulator.odata;

import static io.ppmlab.emulator.odata.Csdl.DATE;
import static io.ppmlab.emulator.odata.Csdl.DECIMAL;
import static io.ppmlab.emulator.odata.Csdl.GUID;
import static io.ppmlab.emulator.odata.Csdl.INT;
import static io.ppmlab.emulator.odata.Csdl.action;
import static io.ppmlab.emulator.odata.Csdl.complex;
import static io.ppmlab.emulator.odata.Csdl.param;
import static io.ppmlab.emulator.odata.Csdl.params;
import static io.ppmlab.emulator.odata.Csdl.prop;
import static io.ppmlab.emulator.odata.EdmFactory.fqn;

import io.ppmlab.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.olingo.commons.api.edm.provider.CsdlAction;
import org.apache.olingo.commons.api.edm.provider.CsdlActionImport;
import org.apache.olingo.commons.api.edm.provider.CsdlComplexType;

/**
 * The product's resourcing actions, declared so that Olingo parses their URLs and {@code $metadata} lists them
 * (the bodies are read by the resourcing package): {@code sensei_SaveResourcePlan} (Target: the project or
 * proposal; Demand: rows of ResourceId, Date, EndDate, Hours) and {@code sensei_SetCapacityHorizon}
 * (YearsBehind, YearsAhead). Declared only when the schema has the resourcing tables.
 */
public final class ResourcingOperations {
    public static final String SAVE_RESOURCE_PLAN = "sensei_SaveResourcePlan";
    public static final String SET_CAPACITY_HORIZON = "sensei_SetCapacityHorizon";
    public static final String SAVE_RESPONSE = "sensei_SaveResourcePlanResponse";
    public static final String HORIZON_RESPONSE = "sensei_SetCapacityHorizonResponse";
    private static final String DEMAND_ROW = "sensei_ResourcePlanDemand";

    private final boolean present;

    private ResourcingOperations(Schema schema) {
        this.present = schema.table("sensei_resourcedemand").isPresent() && schema.table("sensei_resourcecapacity").isPresent()
                && schema.table("sensei_configurationsetting").isPresent();
    }

    static ResourcingOperations of(Schema schema) { return new ResourcingOperations(schema); }

    List<CsdlComplexType> complexTypes() {
        if (!present) return List.of();
        return List.of(
                complex(DEMAND_ROW, prop("ResourceId", GUID), prop("Date", DATE), prop("EndDate", DATE), prop("Hours", DECIMAL)),
                complex(SAVE_RESPONSE, prop("ResourceYears", DECIMAL), prop("Resources", INT), prop("Rows", INT),
                        prop("Created", INT), prop("Updated", INT), prop("Deleted", INT), prop("Unchanged", INT)),
                complex(HORIZON_RESPONSE, prop("YearsBehind", INT), prop("YearsAhead", INT), prop("StartDate", DATE), prop("EndDate", DATE)));
    }

    List<CsdlAction> actions() {
        if (!present) return List.of();
        List<CsdlAction> all = new ArrayList<>();
        all.add(action(SAVE_RESOURCE_PLAN, SAVE_RESPONSE, param("Target", fqn(SecurityOperations.CRM_BASE_ENTITY)),
                params("Demand", fqn(DEMAND_ROW))));
        all.add(action(SET_CAPACITY_HORIZON, HORIZON_RESPONSE, param("YearsBehind", INT), param("YearsAhead", INT)));
        return all;
    }

    List<CsdlActionImport> actionImports() { return Csdl.imports(actions()); }
}
