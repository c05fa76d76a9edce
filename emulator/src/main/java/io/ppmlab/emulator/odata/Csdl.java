package io.ppmlab.emulator.odata;

import static io.ppmlab.emulator.odata.EdmFactory.fqn;

import java.util.List;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAction;
import org.apache.olingo.commons.api.edm.provider.CsdlActionImport;
import org.apache.olingo.commons.api.edm.provider.CsdlComplexType;
import org.apache.olingo.commons.api.edm.provider.CsdlParameter;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlReturnType;

/**
 * The few CSDL declarations the operation catalogues (product, resourcing, security) are written in: unbound
 * actions returning one of our types, complex response types, their properties and non-nullable parameters.
 * One place, so the catalogues read as lists of messages and every message is declared the same way.
 */
final class Csdl {
    static final FullQualifiedName BOOLEAN = EdmPrimitiveTypeKind.Boolean.getFullQualifiedName();
    static final FullQualifiedName LONG = EdmPrimitiveTypeKind.Int64.getFullQualifiedName();
    static final FullQualifiedName DOUBLE = EdmPrimitiveTypeKind.Double.getFullQualifiedName();
    static final FullQualifiedName GUID = EdmPrimitiveTypeKind.Guid.getFullQualifiedName();
    static final FullQualifiedName INT = EdmPrimitiveTypeKind.Int32.getFullQualifiedName();
    static final FullQualifiedName STRING = EdmPrimitiveTypeKind.String.getFullQualifiedName();
    static final FullQualifiedName DECIMAL = EdmPrimitiveTypeKind.Decimal.getFullQualifiedName();
    static final FullQualifiedName DATE = EdmPrimitiveTypeKind.Date.getFullQualifiedName();
    static final FullQualifiedName INSTANT = EdmPrimitiveTypeKind.DateTimeOffset.getFullQualifiedName();

    private Csdl() {}

    /** An unbound action of ours returning {@code returnType} (a complex type or an entity type of ours). */
    static CsdlAction action(String name, String returnType, CsdlParameter... params) {
        return new CsdlAction().setName(name).setBound(false).setParameters(List.of(params))
                .setReturnType(new CsdlReturnType().setType(fqn(returnType)).setNullable(false));
    }

    /** The service document's import of each unbound action (bound ones are reached through their entity set). */
    static List<CsdlActionImport> imports(List<CsdlAction> actions) {
        return actions.stream().filter(a -> !a.isBound())
                .map(a -> new CsdlActionImport().setName(a.getName()).setAction(fqn(a.getName()))).toList();
    }

    static CsdlComplexType complex(String name, CsdlProperty... properties) {
        return new CsdlComplexType().setName(name).setProperties(List.of(properties));
    }

    static CsdlProperty prop(String name, FullQualifiedName type) {
        return new CsdlProperty().setName(name).setType(type);
    }

    static CsdlParameter param(String name, FullQualifiedName type) {
        return new CsdlParameter().setName(name).setType(type).setNullable(false);
    }

    static CsdlParameter params(String name, FullQualifiedName type) {
        return param(name, type).setCollection(true);
    }
}
