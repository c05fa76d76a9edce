package io.ppmlab.emulator.odata;

import io.ppmlab.schema.Column;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.Relationship;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAction;
import org.apache.olingo.commons.api.edm.provider.CsdlActionImport;
import org.apache.olingo.commons.api.edm.provider.CsdlComplexType;
import org.apache.olingo.commons.api.edm.provider.CsdlEntitySet;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.CsdlFunction;
import org.apache.olingo.commons.api.edm.provider.CsdlFunctionImport;
import org.apache.olingo.commons.api.edm.provider.CsdlNavigationProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlNavigationPropertyBinding;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlPropertyRef;
import org.apache.olingo.commons.api.edm.provider.CsdlReferentialConstraint;

/**
 * Builds the CSDL of our {@link Schema} the way Dataverse shapes its {@code $metadata}: one entity type per
 * table named by logical name, lookups as {@code _x_value} plus a single-valued navigation {@code x},
 * relationships as collection navigations named by schema name.
 */
public final class EdmFactory {
    public static final String NAMESPACE = "Microsoft.Dynamics.CRM";
    public static final String CONTAINER = "System";
    /** Dataverse's abstract base of systemuser and team; polymorphic owner lookups navigate to it. */
    public static final String PRINCIPAL = "principal";
    private static final Set<String> PRINCIPAL_KINDS = Set.of("systemuser", "team");

    private final Schema schema;

    private EdmFactory(Schema schema) { this.schema = schema; }

    /** The complete EDM provider: entity types and sets from the schema, WhoAmI, the query functions, the security operations and the bulk messages. */
    public static SchemaEdmProvider provider(Schema schema) {
        EdmFactory f = new EdmFactory(schema);
        List<CsdlEntityType> types = new ArrayList<>();
        types.add(SecurityOperations.baseEntityType());
        if (f.hasPrincipals()) types.add(f.principalType());
        List<CsdlEntitySet> sets = new ArrayList<>();
        for (Table t : schema.tables()) {
            CsdlEntityType type = f.entityType(t);
            types.add(type);
            sets.add(f.entitySet(t, type));
        }
        SecurityOperations security = SecurityOperations.of(schema);
        List<CsdlComplexType> complexTypes = new ArrayList<>(QueryFunctions.complexTypes());
        complexTypes.addAll(security.complexTypes());
        complexTypes.addAll(BulkMessages.complexTypes());
        List<CsdlAction> actions = new ArrayList<>(security.actions());
        actions.addAll(BulkMessages.actions(schema));
        ResourcingOperations resourcing = ResourcingOperations.of(schema);
        complexTypes.addAll(resourcing.complexTypes());
        actions.addAll(resourcing.actions());
        ProductOperations product = ProductOperations.of(schema);
        complexTypes.addAll(product.complexTypes());
        actions.addAll(product.actions());
        List<CsdlActionImport> actionImports = new ArrayList<>(security.actionImports());
        actionImports.addAll(resourcing.actionImports());
        actionImports.addAll(product.actionImports());
        List<CsdlFunction> functions = new ArrayList<>(QueryFunctions.functions());
        functions.addAll(security.functions());
        List<CsdlFunctionImport> imports = new ArrayList<>(QueryFunctions.functionImports());
        imports.addAll(security.functionImports());
        return new SchemaEdmProvider(types, sets, new SchemaEdmProvider.Operations(complexTypes,
                SecurityOperations.enumTypes(), functions, actions, imports, actionImports));
    }

    public static FullQualifiedName fqn(String name) { return new FullQualifiedName(NAMESPACE, name); }

    private boolean hasPrincipals() { return PRINCIPAL_KINDS.stream().anyMatch(n -> schema.table(n).isPresent()); }

    private boolean derivesFromPrincipal(Table t) { return PRINCIPAL_KINDS.contains(t.logicalName()); }

    private CsdlEntityType principalType() {
        return new CsdlEntityType().setName(PRINCIPAL).setAbstract(true)
                .setKey(List.of(new CsdlPropertyRef().setName("ownerid")))
                .setProperties(List.of(property("ownerid", EdmPrimitiveTypeKind.Guid).setNullable(false)));
    }

    private CsdlEntityType entityType(Table t) {
        List<CsdlProperty> props = new ArrayList<>();
        List<CsdlNavigationProperty> navs = new ArrayList<>();
        if (t.column(t.primaryIdColumn()).isEmpty()) {
            props.add(property(t.primaryIdColumn(), EdmPrimitiveTypeKind.Guid).setNullable(false));
        }
        for (Column c : t.columns()) {
            // systemuser/team inherit ownerid from principal; a second ownerid would clash.
            if (derivesFromPrincipal(t) && c.name().equals("ownerid")) continue;
            if (c.type() == ColumnType.LOOKUP) {
                props.add(property(c.lookupProperty(), EdmPrimitiveTypeKind.Guid));
                navs.addAll(lookupNavigations(t, c));
            } else {
                CsdlProperty p = property(c.name(), kind(c.type()));
                if (c.name().equals(t.primaryIdColumn())) p.setNullable(false);
                if (c.type() == ColumnType.DATETIME) p.setPrecision(0);
                props.add(p);
            }
        }
        for (Relationship r : schema.childrenOf(t.logicalName())) {
            if (schema.table(r.referencingTable()).isEmpty()) continue;
            CsdlNavigationProperty nav = new CsdlNavigationProperty().setName(r.schemaName())
                    .setType(fqn(r.referencingTable())).setCollection(true);
            if (singleTarget(r.referencingTable(), r.lookupColumn()).equals(t.logicalName())) {
                nav.setPartner(r.lookupColumn());
            }
            navs.add(nav);
        }
        for (ManyToMany m : ManyToMany.declared(schema)) {
            if (m.leftTable().equals(t.logicalName()) || m.rightTable().equals(t.logicalName())) {
                navs.add(new CsdlNavigationProperty().setName(m.name()).setType(fqn(m.otherTable(t.logicalName()))).setCollection(true));
            }
        }
        CsdlEntityType type = new CsdlEntityType().setName(t.logicalName())
                .setProperties(props).setNavigationProperties(navs);
        if (derivesFromPrincipal(t) && hasPrincipals()) {
            type.setBaseType(fqn(PRINCIPAL));
        } else {
            type.setKey(List.of(new CsdlPropertyRef().setName(t.primaryIdColumn())));
        }
        return type;
    }

    /**
     * One navigation for a plain lookup; for a polymorphic one either {@code principal} (owner-like lookups)
     * or, as Dataverse does for customer/regarding lookups, one navigation per target named {@code x_target}.
     */
    private List<CsdlNavigationProperty> lookupNavigations(Table t, Column c) {
        List<String> targets = c.targets().stream().filter(n -> schema.table(n).isPresent()).toList();
        if (targets.isEmpty()) return List.of();
        if (targets.size() == 1) {
            String target = targets.get(0);
            CsdlNavigationProperty nav = singleNav(c.name(), target, c.lookupProperty(), keyOf(target));
            partnerOf(t.logicalName(), c.name(), target).ifPresent(nav::setPartner);
            return List.of(nav);
        }
        if (PRINCIPAL_KINDS.containsAll(targets) && hasPrincipals()) {
            return List.of(singleNav(c.name(), PRINCIPAL, c.lookupProperty(), "ownerid"));
        }
        return targets.stream()
                .map(target -> new CsdlNavigationProperty().setName(c.name() + "_" + target).setType(fqn(target)))
                .toList();
    }

    private static CsdlNavigationProperty singleNav(String name, String target, String fk, String targetKey) {
        return new CsdlNavigationProperty().setName(name).setType(fqn(target))
                .setReferentialConstraints(List.of(new CsdlReferentialConstraint()
                        .setProperty(fk).setReferencedProperty(targetKey)));
    }

    /** The relationship name that pairs with a lookup, if exactly one relationship uses it. */
    private Optional<String> partnerOf(String child, String lookup, String parent) {
        List<Relationship> rs = schema.parentsOf(child).stream()
                .filter(r -> r.lookupColumn().equals(lookup) && r.referencedTable().equals(parent)).toList();
        return rs.size() == 1 ? Optional.of(rs.get(0).schemaName()) : Optional.empty();
    }

    /** The single table a lookup points at, or "" when it is polymorphic or unknown. */
    private String singleTarget(String table, String lookup) {
        return schema.table(table).flatMap(t -> t.column(lookup))
                .filter(c -> c.type() == ColumnType.LOOKUP && c.targets().size() == 1)
                .map(c -> c.targets().get(0)).orElse("");
    }

    private String keyOf(String table) {
        return schema.table(table).filter(t -> !derivesFromPrincipal(t) || !hasPrincipals())
                .map(Table::primaryIdColumn).orElse("ownerid");
    }

    private CsdlEntitySet entitySet(Table t, CsdlEntityType type) {
        List<CsdlNavigationPropertyBinding> bindings = new ArrayList<>();
        for (CsdlNavigationProperty nav : type.getNavigationProperties()) {
            schema.table(nav.getTypeFQN().getName()).ifPresent(target -> bindings.add(
                    new CsdlNavigationPropertyBinding().setPath(nav.getName()).setTarget(target.entitySetName())));
        }
        return new CsdlEntitySet().setName(t.entitySetName()).setType(fqn(t.logicalName()))
                .setNavigationPropertyBindings(bindings);
    }

    private static CsdlProperty property(String name, EdmPrimitiveTypeKind kind) {
        return new CsdlProperty().setName(name).setType(kind.getFullQualifiedName());
    }

    /** The EDM type a column of this type is exposed as; lookups are handled separately. */
    static EdmPrimitiveTypeKind kind(ColumnType type) {
        return switch (type) {
            case STRING, MEMO -> EdmPrimitiveTypeKind.String;
            case INT, CHOICE -> EdmPrimitiveTypeKind.Int32;
            case BIGINT -> EdmPrimitiveTypeKind.Int64;
            case DECIMAL, MONEY -> EdmPrimitiveTypeKind.Decimal;
            case DATETIME -> EdmPrimitiveTypeKind.DateTimeOffset;
            case DATEONLY -> EdmPrimitiveTypeKind.Date;
            case BOOLEAN -> EdmPrimitiveTypeKind.Boolean;
            case UNIQUEIDENTIFIER, LOOKUP -> EdmPrimitiveTypeKind.Guid;
        };
    }
}
