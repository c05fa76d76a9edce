package io.ppmlab.emulator.odata;

import io.ppmlab.emulator.odata.model.Key;
import io.ppmlab.emulator.odata.model.ResourcePath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriParameter;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceAction;
import org.apache.olingo.server.api.uri.UriResourceEntitySet;
import org.apache.olingo.server.api.uri.UriResourceFunction;
import org.apache.olingo.server.api.uri.UriResourceKind;
import org.apache.olingo.server.api.uri.UriResourceNavigation;

/**
 * Turns Olingo's resource path into our {@link ResourcePath}. Only the shapes the Dataverse Web API serves are
 * mapped; deeper paths (a property behind a navigation, casts, operations bound to collections) are refused.
 */
final class ResourceConverter {
    private ResourceConverter() {}

    /** @param alternateKey replaces the placeholder id of the first segment (see {@link AlternateKeys}) */
    static ResourcePath convert(UriInfo info, Optional<Key.AlternateKeyValues> alternateKey) {
        return switch (info.getKind()) {
            case service -> new ResourcePath.ServiceDocument();
            case metadata -> new ResourcePath.Metadata();
            case batch -> new ResourcePath.Batch();
            case resource -> resource(info.getUriResourceParts(), alternateKey);
            default -> throw ODataErrors.notSupported("The URI kind '" + info.getKind() + "'");
        };
    }

    private static ResourcePath resource(List<UriResource> parts, Optional<Key.AlternateKeyValues> alternateKey) {
        UriResource first = parts.get(0);
        if (first instanceof UriResourceFunction f && parts.size() == 1) {
            return new ResourcePath.FunctionCall(f.getFunction().getName(), params(f));
        }
        if (first instanceof UriResourceAction a && parts.size() == 1) {
            return new ResourcePath.ActionCall(a.getAction().getName(), Optional.empty());
        }
        if (!(first instanceof UriResourceEntitySet set)) throw unsupported(parts);
        String table = set.getEntityType().getName();
        Optional<Key> key = alternateKey.<Key>map(k -> k).or(() -> key(set.getKeyPredicates()));
        if (parts.size() == 1) {
            return key.<ResourcePath>map(k -> new ResourcePath.Entity(table, k))
                    .orElseGet(() -> new ResourcePath.EntitySet(table));
        }
        UriResource second = parts.get(1);
        if (key.isEmpty()) {
            if (second.getKind() == UriResourceKind.count && parts.size() == 2) {
                return new ResourcePath.EntitySetCount(table);
            }
            if (second instanceof UriResourceAction a && parts.size() == 2) {
                return new ResourcePath.CollectionActionCall(table, a.getAction().getName());
            }
            throw unsupported(parts);
        }
        if (parts.size() == 2 && second instanceof UriResourceAction a) {
            return new ResourcePath.ActionCall(a.getAction().getName(), Optional.of(new ResourcePath.BoundTo(table, key.get())));
        }
        if (parts.size() == 2 && second instanceof UriResourceFunction f) {
            return new ResourcePath.BoundFunctionCall(new ResourcePath.BoundTo(table, key.get()), f.getFunction().getName(), params(f));
        }
        if (second.getKind() == UriResourceKind.primitiveProperty) {
            boolean raw = parts.size() == 3 && parts.get(2).getKind() == UriResourceKind.value;
            if (parts.size() == 2 || raw) {
                return new ResourcePath.EntityProperty(table, key.get(), second.getSegmentValue(), raw);
            }
        }
        if (second instanceof UriResourceNavigation nav) {
            ResourcePath.Navigation via = new ResourcePath.Navigation(table, key.get(),
                    nav.getProperty().getName(), nav.getProperty().getType().getName(), nav.getProperty().isCollection());
            Optional<Key> target = key(nav.getKeyPredicates());
            if (parts.size() == 2) {
                return target.<ResourcePath>map(t -> new ResourcePath.NavigationEntity(via, t)).orElse(via);
            }
            UriResourceKind third = parts.get(2).getKind();
            if (parts.size() == 3 && third == UriResourceKind.ref) return new ResourcePath.Ref(via, target);
            if (parts.size() == 3 && third == UriResourceKind.count && target.isEmpty()) {
                return new ResourcePath.NavigationCount(via);
            }
        }
        throw unsupported(parts);
    }

    /** Parameter name → the text written in the URL, or the alias name ({@code @t}) for the parser to resolve. */
    private static Map<String, String> params(UriResourceFunction f) {
        Map<String, String> params = new LinkedHashMap<>();
        f.getParameters().forEach(p -> params.put(p.getName(), p.getAlias() != null ? p.getAlias() : p.getText()));
        return params;
    }

    private static Optional<Key> key(List<UriParameter> predicates) {
        if (predicates == null || predicates.isEmpty()) return Optional.empty();
        String text = predicates.get(0).getText();
        try {
            return Optional.of(new Key.IdKey(UUID.fromString(text)));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ODataErrors.badKey(String.valueOf(text));
        }
    }

    private static ODataQueryException unsupported(List<UriResource> parts) {
        return ODataErrors.notSupported("The resource path '"
                + parts.stream().map(UriResource::toString).collect(Collectors.joining("/")) + "'");
    }
}
