package io.ppmlab.emulator.odata;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.core.uri.parser.UriParserSemanticException.MessageKeys;

/** Maps Olingo's parser exceptions onto the Dataverse-worded errors of {@link ODataErrors}. */
final class OlingoErrors {
    private static final Pattern EXPRESSION_PROPERTY =
            Pattern.compile("The property '(.*)', used in a query expression, is not defined in type '(.*)'\\.");
    private static final Pattern TYPE_PROPERTY = Pattern.compile("The type '(.*)' has no property '(.*)'\\.");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    private OlingoErrors() {}

    static boolean mentions(ODataLibraryException e, String text) {
        return translated(e).contains(text);
    }

    static ODataQueryException map(ODataLibraryException e, String path) {
        String message = translated(e);
        if (e.getMessageKey() instanceof MessageKeys key) {
            switch (key) {
                case EXPRESSION_PROPERTY_NOT_IN_TYPE -> {
                    Matcher m = EXPRESSION_PROPERTY.matcher(message);
                    if (m.matches()) return notFound(m.group(1), m.group(2), path);
                }
                case PROPERTY_NOT_IN_TYPE -> {
                    Matcher m = TYPE_PROPERTY.matcher(message);
                    if (m.matches()) return notFound(m.group(2), m.group(1), path);
                }
                case RESOURCE_NOT_FOUND, UNKNOWN_PART -> {
                    Matcher m = QUOTED.matcher(message);
                    if (m.find() && isPathSegment(m.group(1), path)) return ODataErrors.resourceNotFound(m.group(1));
                }
                default -> { }
            }
        }
        String detail = e.getMessage();
        return ODataErrors.syntax(detail == null || detail.equals(message) ? message : message + " (" + detail + ")");
    }

    /** An unknown name in the path is a missing resource (404); in a query option, a missing property (400). */
    private static ODataQueryException notFound(String property, String type, String path) {
        if (isPathSegment(property, path)) return ODataErrors.resourceNotFound(property);
        String qualified = type.contains(".") ? type : EdmFactory.NAMESPACE + "." + type;
        return ODataErrors.propertyNotFound(property, qualified);
    }

    private static boolean isPathSegment(String name, String path) {
        return Arrays.stream(path.split("/")).map(s -> s.replaceAll("\\(.*$", "")).anyMatch(name::equals);
    }

    private static String translated(ODataLibraryException e) {
        String m = e.getTranslatedMessage(Locale.ENGLISH).getMessage();
        // Some Olingo messages lack their arguments (FUNCTION_NOT_FOUND); its developer text is clearer then.
        return m == null || m.startsWith("Missing replacement") ? String.valueOf(e.getMessage()) : m;
    }
}
