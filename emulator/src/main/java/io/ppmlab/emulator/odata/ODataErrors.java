package io.ppmlab.emulator.odata;

import java.util.Collection;

/**
 * The catalogue of URL and query errors, worded as Dataverse words them where known. Codes marked [U] in
 * {@code reference/dataverse-behaviour.md} are our best guess; keep them here so one edit fixes all.
 */
public final class ODataErrors {
    /** Dataverse's code for malformed or unsupported queries. */
    public static final String QUERY = "0x80060888";
    public static final String TOO_MANY_CONDITIONS = "0x8004430C";
    public static final int MAX_CONDITIONS = 500;

    private ODataErrors() {}

    public static ODataQueryException propertyNotFound(String property, String typeName) {
        return new ODataQueryException(400, QUERY,
                "Could not find a property named '" + property + "' on type '" + typeName + "'.");
    }

    public static ODataQueryException resourceNotFound(String segment) {
        return new ODataQueryException(404, QUERY, "Resource not found for the segment '" + segment + "'.");
    }

    public static ODataQueryException syntax(String detail) {
        return new ODataQueryException(400, QUERY, "Bad Request - Error in query syntax. " + detail);
    }

    /** $skip, $search and $format: plain OData, but not Dataverse. */
    public static ODataQueryException unsupportedOption(String option) {
        return new ODataQueryException(400, QUERY, "The query parameter " + option + " is not supported");
    }

    public static ODataQueryException notSupported(String what) {
        return new ODataQueryException(400, QUERY, what + " is not supported.");
    }

    public static ODataQueryException tooManyConditions(int count) {
        return new ODataQueryException(400, TOO_MANY_CONDITIONS, "TooManyConditionsInQuery: the query has "
                + count + " conditions; the maximum is " + MAX_CONDITIONS + ".");
    }

    /** A query option nested deeper than {@link QueryNesting#MAX_DEPTH} levels; Dataverse's code for bad queries. */
    public static ODataQueryException nestedTooDeeply(String option, int limit) {
        return new ODataQueryException(400, QUERY, "Bad Request - Error in query syntax. The " + option
                + " expression is nested more than " + limit + " levels deep.");
    }

    public static ODataQueryException notWithQueryFunction() {
        return new ODataQueryException(400, QUERY,
                "Not operator along with the Custom Named Condition operators is not allowed");
    }

    public static ODataQueryException expandOptionsNotAllowed() {
        return new ODataQueryException(400, QUERY, "Only $select and $filter clause can be provided while doing "
                + "$expand on many-to-one relationship or nested one-to-many relationship.");
    }

    public static ODataQueryException expandRefOnCollection() {
        return new ODataQueryException(400, QUERY,
                "Expand with $ref is only supported on lookup type navigation property.");
    }

    public static ODataQueryException alternateKeyNotDefined(String table, Collection<String> columns) {
        return new ODataQueryException(400, QUERY, "The requested key attributes do not exist for the entity "
                + table + ": " + String.join(",", columns));
    }

    public static ODataQueryException badKey(String segment) {
        return new ODataQueryException(400, QUERY, "Bad Request - Error in query syntax. Invalid key in '"
                + segment + "'.");
    }
}
