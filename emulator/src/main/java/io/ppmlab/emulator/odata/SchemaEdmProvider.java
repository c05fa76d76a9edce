package io.ppmlab.emulator.odata;

import static io.ppmlab.emulator.odata.EdmFactory.CONTAINER;
import static io.ppmlab.emulator.odata.EdmFactory.NAMESPACE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAbstractEdmProvider;
import org.apache.olingo.commons.api.edm.provider.CsdlAction;
import org.apache.olingo.commons.api.edm.provider.CsdlActionImport;
import org.apache.olingo.commons.api.edm.provider.CsdlAliasInfo;
import org.apache.olingo.commons.api.edm.provider.CsdlComplexType;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainer;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainerInfo;
import org.apache.olingo.commons.api.edm.provider.CsdlEntitySet;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.CsdlEnumType;
import org.apache.olingo.commons.api.edm.provider.CsdlFunction;
import org.apache.olingo.commons.api.edm.provider.CsdlFunctionImport;
import org.apache.olingo.commons.api.edm.provider.CsdlSchema;

/**
 * An Olingo EDM provider over CSDL objects built once by {@link EdmFactory}. Everything is precomputed
 * because the schema never changes while the emulator runs.
 */
public final class SchemaEdmProvider extends CsdlAbstractEdmProvider {
    static final String ALIAS = "mscrm";
    private static final FullQualifiedName CONTAINER_FQN = new FullQualifiedName(NAMESPACE, CONTAINER);

    private final Map<String, CsdlEntityType> types;
    private final Map<String, CsdlEntitySet> sets;
    private final Map<String, CsdlComplexType> complexTypes;
    private final Map<String, CsdlEnumType> enumTypes;
    private final Map<String, List<CsdlFunction>> functions;
    private final Map<String, List<CsdlAction>> actions;
    private final Map<String, CsdlFunctionImport> functionImports;
    private final Map<String, CsdlActionImport> actionImports;
    private final CsdlEntityContainer container;
    private final CsdlSchema schema;

    /** The operations part of the schema: complex and enum types, functions, actions and their imports. */
    record Operations(List<CsdlComplexType> complexTypes, List<CsdlEnumType> enumTypes, List<CsdlFunction> functions,
                      List<CsdlAction> actions, List<CsdlFunctionImport> functionImports, List<CsdlActionImport> actionImports) {}

    SchemaEdmProvider(List<CsdlEntityType> types, List<CsdlEntitySet> sets, Operations operations) {
        this.types = byName(types, CsdlEntityType::getName);
        this.sets = byName(sets, CsdlEntitySet::getName);
        this.complexTypes = byName(operations.complexTypes(), CsdlComplexType::getName);
        this.enumTypes = byName(operations.enumTypes(), CsdlEnumType::getName);
        this.functions = operations.functions().stream().collect(
                Collectors.groupingBy(CsdlFunction::getName, LinkedHashMap::new, Collectors.toList()));
        this.actions = operations.actions().stream().collect(
                Collectors.groupingBy(CsdlAction::getName, LinkedHashMap::new, Collectors.toList()));
        this.functionImports = byName(operations.functionImports(), CsdlFunctionImport::getName);
        this.actionImports = byName(operations.actionImports(), CsdlActionImport::getName);
        this.container = new CsdlEntityContainer().setName(CONTAINER)
                .setEntitySets(List.copyOf(sets)).setFunctionImports(List.copyOf(functionImports.values()))
                .setActionImports(List.copyOf(actionImports.values()));
        this.schema = new CsdlSchema().setNamespace(NAMESPACE).setAlias(ALIAS)
                .setEntityTypes(List.copyOf(types)).setComplexTypes(List.copyOf(complexTypes.values()))
                .setEnumTypes(List.copyOf(enumTypes.values())).setFunctions(List.copyOf(operations.functions()))
                .setActions(List.copyOf(operations.actions())).setEntityContainer(container);
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> m = new LinkedHashMap<>();
        items.forEach(i -> m.put(name.apply(i), i));
        return m;
    }

    private static boolean ours(FullQualifiedName fqn) { return NAMESPACE.equals(fqn.getNamespace()); }

    @Override public CsdlEntityType getEntityType(FullQualifiedName fqn) {
        return ours(fqn) ? types.get(fqn.getName()) : null;
    }

    @Override public CsdlComplexType getComplexType(FullQualifiedName fqn) {
        return ours(fqn) ? complexTypes.get(fqn.getName()) : null;
    }

    @Override public CsdlEnumType getEnumType(FullQualifiedName fqn) {
        return ours(fqn) ? enumTypes.get(fqn.getName()) : null;
    }

    @Override public List<CsdlFunction> getFunctions(FullQualifiedName fqn) {
        return ours(fqn) ? functions.get(fqn.getName()) : null;
    }

    @Override public List<CsdlAction> getActions(FullQualifiedName fqn) {
        return ours(fqn) ? actions.get(fqn.getName()) : null;
    }

    @Override public CsdlEntitySet getEntitySet(FullQualifiedName containerName, String name) {
        return CONTAINER_FQN.equals(containerName) ? sets.get(name) : null;
    }

    @Override public CsdlFunctionImport getFunctionImport(FullQualifiedName containerName, String name) {
        return CONTAINER_FQN.equals(containerName) ? functionImports.get(name) : null;
    }

    @Override public CsdlActionImport getActionImport(FullQualifiedName containerName, String name) {
        return CONTAINER_FQN.equals(containerName) ? actionImports.get(name) : null;
    }

    @Override public CsdlEntityContainerInfo getEntityContainerInfo(FullQualifiedName containerName) {
        return containerName == null || CONTAINER_FQN.equals(containerName)
                ? new CsdlEntityContainerInfo().setContainerName(CONTAINER_FQN) : null;
    }

    @Override public CsdlEntityContainer getEntityContainer() { return container; }

    /** Dataverse writes {@code Alias="mscrm"}; clients may use either prefix. */
    @Override public List<CsdlAliasInfo> getAliasInfos() {
        return List.of(new CsdlAliasInfo().setNamespace(NAMESPACE).setAlias(ALIAS));
    }

    @Override public List<CsdlSchema> getSchemas() { return List.of(schema); }
}
