package io.ppmlab.emulator.odata;

import static io.ppmlab.emulator.odata.EdmFactory.fqn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlComplexType;
import org.apache.olingo.commons.api.edm.provider.CsdlFunction;
import org.apache.olingo.commons.api.edm.provider.CsdlFunctionImport;
import org.apache.olingo.commons.api.edm.provider.CsdlParameter;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlReturnType;

/**
 * The unbound functions of the service: {@code WhoAmI} and the Dataverse query functions
 * ({@code Microsoft.Dynamics.CRM.In(PropertyName='x',PropertyValues=[...])} ...). Dataverse declares the query
 * functions as unbound functions returning Edm.Boolean; declaring them the same way lets Olingo parse them in
 * {@code $filter}. Parameter types follow Microsoft's Web API query function reference.
 */
public final class QueryFunctions {
    public static final String WHO_AM_I = "WhoAmI";
    public static final String WHO_AM_I_RESPONSE = "WhoAmIResponse";

    /** What a query function takes besides PropertyName. */
    public enum Shape {
        /** Only PropertyName: Today, EqualUserId, ... */
        NONE,
        /** PropertyValue as Edm.String: On, OnOrAfter, Above, Under, ... */
        VALUE_STRING,
        /** PropertyValue as Edm.Int64: LastXDays, NextXDays, OlderThanXMonths, ... */
        VALUE_INT64,
        /** PropertyValue1 and PropertyValue2 as Edm.Int64: InFiscalPeriodAndYear, ... */
        TWO_INT64,
        /** PropertyValues as Collection(Edm.String): In, NotIn, Between, NotBetween, ContainValues, ... */
        VALUES
    }

    private static final Map<String, Shape> SHAPES = catalogue();

    private QueryFunctions() {}

    /** The query function of that short name (without namespace), if Dataverse has one. */
    public static Optional<Shape> shape(String name) { return Optional.ofNullable(SHAPES.get(name)); }

    /** All query function names, in declaration order. */
    public static List<String> names() { return List.copyOf(SHAPES.keySet()); }

    private static Map<String, Shape> catalogue() {
        Map<String, Shape> m = new LinkedHashMap<>();
        for (String n : List.of("Today", "Yesterday", "Tomorrow", "Last7Days", "Next7Days",
                "ThisWeek", "LastWeek", "NextWeek", "ThisMonth", "LastMonth", "NextMonth",
                "ThisYear", "LastYear", "NextYear", "ThisFiscalYear", "ThisFiscalPeriod", "LastFiscalYear",
                "LastFiscalPeriod", "NextFiscalYear", "NextFiscalPeriod",
                "EqualUserId", "NotEqualUserId", "EqualBusinessId", "NotEqualBusinessId",
                "EqualUserTeams", "EqualUserOrUserTeams", "EqualUserOrUserHierarchy",
                "EqualUserOrUserHierarchyAndTeams", "EqualUserLanguage")) {
            m.put(n, Shape.NONE);
        }
        for (String unit : List.of("Hours", "Days", "Weeks", "Months", "Years", "FiscalYears", "FiscalPeriods")) {
            m.put("LastX" + unit, Shape.VALUE_INT64);
            m.put("NextX" + unit, Shape.VALUE_INT64);
        }
        for (String unit : List.of("Minutes", "Hours", "Days", "Weeks", "Months", "Years")) {
            m.put("OlderThanX" + unit, Shape.VALUE_INT64);
        }
        m.put("InFiscalYear", Shape.VALUE_INT64);
        m.put("InFiscalPeriod", Shape.VALUE_INT64);
        for (String n : List.of("InFiscalPeriodAndYear", "InOrBeforeFiscalPeriodAndYear",
                "InOrAfterFiscalPeriodAndYear")) {
            m.put(n, Shape.TWO_INT64);
        }
        for (String n : List.of("On", "OnOrAfter", "OnOrBefore", "Above", "AboveOrEqual", "Under",
                "UnderOrEqual", "NotUnder", "Contains", "DoesNotContain")) {
            m.put(n, Shape.VALUE_STRING);
        }
        for (String n : List.of("In", "NotIn", "Between", "NotBetween", "ContainValues", "DoesNotContainValues")) {
            m.put(n, Shape.VALUES);
        }
        return Collections.unmodifiableMap(m);
    }

    static List<CsdlComplexType> complexTypes() {
        FullQualifiedName guid = EdmPrimitiveTypeKind.Guid.getFullQualifiedName();
        return List.of(new CsdlComplexType().setName(WHO_AM_I_RESPONSE).setProperties(List.of(
                new CsdlProperty().setName("BusinessUnitId").setType(guid).setNullable(false),
                new CsdlProperty().setName("UserId").setType(guid).setNullable(false),
                new CsdlProperty().setName("OrganizationId").setType(guid).setNullable(false))));
    }

    static List<CsdlFunction> functions() {
        List<CsdlFunction> all = new ArrayList<>();
        all.add(new CsdlFunction().setName(WHO_AM_I).setBound(false).setComposable(false)
                .setParameters(List.of())
                .setReturnType(new CsdlReturnType().setType(fqn(WHO_AM_I_RESPONSE)).setNullable(false)));
        SHAPES.forEach((name, shape) -> all.add(queryFunction(name, shape)));
        return all;
    }

    /** Only WhoAmI is addressable as a resource; query functions live in $filter only. */
    static List<CsdlFunctionImport> functionImports() {
        return List.of(new CsdlFunctionImport().setName(WHO_AM_I).setFunction(fqn(WHO_AM_I))
                .setIncludeInServiceDocument(false));
    }

    private static CsdlFunction queryFunction(String name, Shape shape) {
        List<CsdlParameter> params = new ArrayList<>();
        params.add(param("PropertyName", EdmPrimitiveTypeKind.String, false));
        switch (shape) {
            case NONE -> { }
            case VALUE_STRING -> params.add(param("PropertyValue", EdmPrimitiveTypeKind.String, false));
            case VALUE_INT64 -> params.add(param("PropertyValue", EdmPrimitiveTypeKind.Int64, false));
            case TWO_INT64 -> {
                params.add(param("PropertyValue1", EdmPrimitiveTypeKind.Int64, false));
                params.add(param("PropertyValue2", EdmPrimitiveTypeKind.Int64, false));
            }
            case VALUES -> params.add(param("PropertyValues", EdmPrimitiveTypeKind.String, true));
        }
        return new CsdlFunction().setName(name).setBound(false).setComposable(false).setParameters(params)
                .setReturnType(new CsdlReturnType()
                        .setType(EdmPrimitiveTypeKind.Boolean.getFullQualifiedName()).setNullable(false));
    }

    private static CsdlParameter param(String name, EdmPrimitiveTypeKind kind, boolean collection) {
        return new CsdlParameter().setName(name).setType(kind.getFullQualifiedName())
                .setCollection(collection).setNullable(false);
    }
}
