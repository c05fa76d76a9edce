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
import org.apache.olingo.commons.api.edm.provider.CsdlAliasInfo;
import org.apache.olingo.commons.api.edm.provider.CsdlComplexType;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainer;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainerInfo;
import org.apache.olingo.commons.api.edm.provider.CsdlEntitySet;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
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
    private final Map<String, List<CsdlFunction>> functions;
    private final Map<String, CsdlFunctionImport> functionImports;
    private final CsdlEntityContainer container;
    private final CsdlSchema schema;

    SchemaEdmProvider(List<CsdlEntityType> types, List<CsdlEntitySet> sets,
                      List<CsdlComplexType> complexTypes, List<CsdlFunction> functions) {
        this.types = byName(types, CsdlEntityType::getName);
        this.sets = byName(sets, CsdlEntitySet::getName);
        this.complexTypes = byName(complexTypes, CsdlComplexType::getName);
        this.functions = functions.stream().collect(
                Collectors.groupingBy(CsdlFunction::getName, LinkedHashMap::new, Collectors.toList()));
        this.functionImports = byName(QueryFunctions.functionImports(), CsdlFunctionImport::getName);
        this.container = new CsdlEntityContainer().setName(CONTAINER)
                .setEntitySets(List.copyOf(sets)).setFunctionImports(List.copyOf(functionImports.values()));
        this.schema = new CsdlSchema().setNamespace(NAMESPACE).setAlias(ALIAS)
                .setEntityTypes(List.copyOf(types)).setComplexTypes(List.copyOf(complexTypes))
                .setFunctions(List.copyOf(functions)).setEntityContainer(container);
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

    @Override public List<CsdlFunction> getFunctions(FullQualifiedName fqn) {
        return ours(fqn) ? functions.get(fqn.getName()) : null;
    }

    @Override public CsdlEntitySet getEntitySet(FullQualifiedName containerName, String name) {
        return CONTAINER_FQN.equals(containerName) ? sets.get(name) : null;
    }

    @Override public CsdlFunctionImport getFunctionImport(FullQualifiedName containerName, String name) {
        return CONTAINER_FQN.equals(containerName) ? functionImports.get(name) : null;
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
