package io.ppmlab.emulator.odata;

import io.ppmlab.emulator.odata.QueryText.Option;
import io.ppmlab.emulator.odata.model.ParsedRequest;
import io.ppmlab.emulator.odata.model.QueryOptions;
import io.ppmlab.emulator.odata.model.ResourcePath;
import io.ppmlab.schema.Column;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.olingo.commons.api.edm.EdmStructuredType;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourcePartTyped;
import org.apache.olingo.server.core.uri.parser.Parser;
import org.apache.olingo.server.core.uri.parser.UriParserSemanticException;

/**
 * Parses a Dataverse Web API URL (path after {@code /api/data/v9.2/} and raw query string) into a
 * {@link ParsedRequest}. Olingo does the OData grammar; around it we apply Dataverse's dialect (refused options,
 * alternate keys, quoted GUIDs, single-quoted PropertyValues, parameter aliases, the 500-condition limit) and
 * turn every failure into an {@link ODataQueryException}. Results are cached: the same URLs repeat under load.
 * Thread-safe.
 */
public final class UriParser {
    public static final int DEFAULT_CACHE_SIZE = 4096;
    private static final Set<String> REFUSED = Set.of("$skip", "$search", "$format");
    private static final String BASE_URI = "https://emulator/api/data/v9.2/";

    private final ServiceModel model;
    private final Set<String> guidProperties;
    private final Set<String> functionImports;
    private final LruCache<String, ParsedRequest> cache;

    public UriParser(ServiceModel model) { this(model, DEFAULT_CACHE_SIZE); }

    public UriParser(ServiceModel model, int cacheSize) {
        this.model = model;
        this.guidProperties = guidProperties(model);
        this.functionImports = model.edm().getEntityContainer().getFunctionImports().stream()
                .map(f -> f.getName()).collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.cache = new LruCache<>(cacheSize);
    }

    /**
     * @param pathAfterVersion e.g. {@code sensei_projects(<id>)/sensei_name}, percent-encoded as sent
     * @param rawQuery         the query string without '?', percent-encoded as sent; null or empty for none
     * @throws ODataQueryException when Dataverse would refuse the URL
     */
    public ParsedRequest parse(String pathAfterVersion, String rawQuery) {
        String given = pathAfterVersion == null ? "" : pathAfterVersion;
        String path = given.startsWith("/") ? given.substring(1) : given;
        String cacheKey = path + '?' + (rawQuery == null ? "" : rawQuery);
        ParsedRequest hit = cache.get(cacheKey);
        if (hit != null) return hit;
        ParsedRequest parsed = parseUncached(path, rawQuery);
        cache.put(cacheKey, parsed);
        return parsed;
    }

    private ParsedRequest parseUncached(String path, String rawQuery) {
        Map<String, String> aliases = new HashMap<>();
        Map<String, String> custom = new LinkedHashMap<>();
        Optional<String> apply = Optional.empty();
        Optional<String> skipToken = Optional.empty();
        List<Option> forOlingo = new ArrayList<>();
        for (Option o : QueryText.split(rawQuery)) {
            String name = o.name();
            if (name.startsWith("$") || name.startsWith("@")) QueryNesting.check(name, o.value());
            if (REFUSED.contains(name)) throw ODataErrors.unsupportedOption(name);
            if (name.startsWith("@")) {
                aliases.put(name, o.value());
                // Olingo insists that an alias used in the path exists; it sees a placeholder, we keep the value.
                if (QueryText.decode(path).contains("=" + name)) forOlingo.add(new Option(name, "{}"));
            }
            // $apply stays raw text for the query engine; Olingo's $apply support is narrower than Dataverse's.
            else if (name.equals("$apply")) apply = Optional.of(o.value());
            else if (name.equals("$skiptoken")) skipToken = Optional.of(o.value());
            else if (!name.startsWith("$")) custom.put(name, o.value());
            else forOlingo.add(o);
        }
        List<Option> options = rewrite(forOlingo, Map.of(
                "$filter", v -> QueryText.lambdaSpacing(QueryText.jsonArrays(QueryText.substituteAliases(v, aliases))),
                "$orderby", v -> QueryText.substituteAliases(v, aliases),
                "$expand", v -> QueryText.lambdaSpacing(QueryText.jsonArrays(v))));
        // Dataverse documents GET /WhoAmI and .../Microsoft.Dynamics.CRM.RetrieveUserPrivileges without
        // parentheses; OData requires them for functions.
        String olingoPath = functionImports.contains(path) || isParameterlessBoundFunction(path) ? path + "()" : path;
        AlternateKeys.Rewritten rewritten = AlternateKeys.rewrite(olingoPath, model.schema());

        UriInfo info = olingo(rewritten.path(), options);
        ResourcePath resource = resolveAliases(ResourceConverter.convert(info, rewritten.key()), aliases);
        QueryOptions query = OptionsConverter.convert(info, structuredType(info),
                new OptionsConverter.Raw(apply, skipToken, custom));
        int conditions = query.conditionCount();
        if (conditions > ODataErrors.MAX_CONDITIONS) throw ODataErrors.tooManyConditions(conditions);
        OptionsConverter.checkExpandRules(query);
        return new ParsedRequest(resource, query);
    }

    private static boolean isParameterlessBoundFunction(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot > 0 && SecurityOperations.parameterlessBoundFunctions().contains(last.substring(dot + 1));
    }

    /**
     * Function parameters given as aliases ({@code Target=@t}) take the alias's value from the query string.
     * Olingo never sees alias values: Dataverse passes entity references as JSON ({@code {'@odata.id':'x(<id>)'}}),
     * which is not an OData literal.
     */
    private static ResourcePath resolveAliases(ResourcePath resource, Map<String, String> aliases) {
        if (resource instanceof ResourcePath.FunctionCall f) {
            return new ResourcePath.FunctionCall(f.name(), resolve(f.params(), aliases));
        }
        if (resource instanceof ResourcePath.BoundFunctionCall f) {
            return new ResourcePath.BoundFunctionCall(f.boundTo(), f.name(), resolve(f.params(), aliases));
        }
        return resource;
    }

    private static Map<String, String> resolve(Map<String, String> params, Map<String, String> aliases) {
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (value != null && value.startsWith("@")) {
                String aliased = aliases.get(value);
                if (aliased == null) throw ODataErrors.syntax("The parameter alias '" + value + "' of parameter '" + name + "' has no value in the query string.");
                out.put(name, aliased);
            } else {
                out.put(name, value);
            }
        });
        return out;
    }

    /** Parses with Olingo; on a Guid-versus-String comparison, retries once with quoted GUIDs unquoted. */
    private UriInfo olingo(String path, List<Option> options) {
        try {
            return parseWithOlingo(path, options);
        } catch (UriParserSemanticException e) {
            if (e.getMessageKey() != UriParserSemanticException.MessageKeys.TYPES_NOT_COMPATIBLE
                    || !OlingoErrors.mentions(e, "Edm.Guid")) {
                throw OlingoErrors.map(e, path);
            }
            UnaryOperator<String> unquote = v -> QueryText.unquoteGuids(v, guidProperties);
            try {
                return parseWithOlingo(path, rewrite(options, Map.of("$filter", unquote, "$expand", unquote)));
            } catch (ODataLibraryException again) {
                throw OlingoErrors.map(again, path);
            }
        } catch (ODataLibraryException e) {
            throw OlingoErrors.map(e, path);
        }
    }

    private UriInfo parseWithOlingo(String path, List<Option> options) throws ODataLibraryException {
        String query = options.isEmpty() ? null : QueryText.join(options);
        try {
            return new Parser(model.edm(), model.odata()).parseUri(path, query, null, BASE_URI);
        } catch (RuntimeException e) {
            // Olingo sometimes fails with unchecked exceptions on odd input (an empty any(), a dangling operator);
            // the client still gets a 400, and never the text of a Java exception.
            throw ODataErrors.syntax("The expression is incomplete or malformed.");
        } catch (StackOverflowError e) {
            // a backstop behind QueryNesting: whatever recursion the text check did not foresee is still a 400
            throw ODataErrors.nestedTooDeeply("query", QueryNesting.MAX_DEPTH);
        }
    }

    private static List<Option> rewrite(List<Option> options, Map<String, UnaryOperator<String>> byName) {
        return options.stream()
                .map(o -> byName.containsKey(o.name()) ? new Option(o.name(), byName.get(o.name()).apply(o.value())) : o)
                .toList();
    }

    /** The structured type the query options apply to: the type of the last typed path segment. */
    private static EdmStructuredType structuredType(UriInfo info) {
        if (info.getUriResourceParts() == null) return null;
        List<UriResource> parts = info.getUriResourceParts();
        for (int i = parts.size() - 1; i >= 0; i--) {
            if (parts.get(i) instanceof UriResourcePartTyped typed && typed.getType() instanceof EdmStructuredType s) {
                return s;
            }
        }
        return null;
    }

    /** Names of every GUID-typed property in the EDM: ids, uniqueidentifier columns and lookup values. */
    private static Set<String> guidProperties(ServiceModel model) {
        Set<String> names = new HashSet<>(Set.of("ownerid"));
        for (Table t : model.schema().tables()) {
            names.add(t.primaryIdColumn());
            for (Column c : t.columns()) {
                if (c.type() == ColumnType.LOOKUP) names.add(c.lookupProperty());
                if (c.type() == ColumnType.UNIQUEIDENTIFIER) names.add(c.name());
            }
        }
        return Set.copyOf(names);
    }

    /** Number of parsed requests held in the cache (for tests and diagnostics). */
    public int cachedEntries() { return cache.size(); }
}
