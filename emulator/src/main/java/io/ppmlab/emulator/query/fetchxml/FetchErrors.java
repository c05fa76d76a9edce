package io.ppmlab.emulator.query.fetchxml;

import io.ppmlab.emulator.odata.ODataErrors;
import io.ppmlab.emulator.odata.ODataQueryException;

/**
 * FetchXML errors. Codes follow Dataverse's list where known (QueryBuilder*); the HTTP statuses are 400 as the
 * service answers bad queries. [U] marks codes the reference could not confirm.
 */
final class FetchErrors {
    /** [U] InvalidArgument, for XML that does not parse or lacks a required attribute. */
    static final String MALFORMED = "0x80040203";
    static final String NO_ATTRIBUTE = "0x80041103";
    static final String NO_ENTITY = "0x80041102";

    private FetchErrors() {}

    static ODataQueryException malformed(String detail) {
        return new ODataQueryException(400, MALFORMED, "The FetchXML is not valid: " + detail);
    }

    static ODataQueryException unsupported(String what) {
        return new ODataQueryException(400, ODataErrors.QUERY, "FetchXML " + what + " is not supported.");
    }

    static ODataQueryException noAttribute(String entity, String attribute) {
        return new ODataQueryException(400, NO_ATTRIBUTE, "'" + entity + "' entity doesn't contain attribute with Name = '"
                + attribute + "'.");
    }

    static ODataQueryException noEntity(String entity) {
        return new ODataQueryException(400, NO_ENTITY, "The entity with a name = '" + entity + "' was not found in the MetadataCache.");
    }

    static ODataQueryException entityMismatch(String entity, String set) {
        return new ODataQueryException(400, ODataErrors.QUERY, "The entity name '" + entity
                + "' in the FetchXML does not match the entity set '" + set + "' of the request.");
    }

    static ODataQueryException paging(String detail) {
        return new ODataQueryException(400, ODataErrors.QUERY, detail);
    }
}
