package io.ppmlab.emulator.errors;

/**
 * The one catalogue of errors the emulator returns: HTTP status, the Dataverse error code that goes in
 * {@code error.code}, and a message template ({@link String#format} arguments).
 */
public enum ErrorCode {
    // 400
    MALFORMED_JSON(400, "0x80048d19", "Error identified in Payload provided by the user for Entity :'%s', For more information on this error please follow this help link https://go.microsoft.com/fwlink/?linkid=2195293  ----> InnerException : Microsoft.OData.ODataException: %s"),
    UNKNOWN_PROPERTY(400, "0x80048d19", "Error identified in Payload provided by the user for Entity :'%s', For more information on this error please follow this help link https://go.microsoft.com/fwlink/?linkid=2195293  ----> InnerException : Microsoft.OData.ODataException: The property '%s' does not exist on type 'Microsoft.Dynamics.CRM.%s'. Make sure to only use property names that are defined by the type or mark the type as open type."),
    WRONG_TYPE(400, "0x80048d19", "Error identified in Payload provided by the user for Entity :'%s'  ----> InnerException : Microsoft.OData.ODataException: Cannot convert the literal '%s' to the expected type '%s'."),
    READ_ONLY_PROPERTY(400, "0x80048d19", "Error identified in Payload provided by the user for Entity :'%s'  ----> InnerException : Microsoft.OData.ODataException: The property '%s' is read-only and cannot be set. %s"),
    BAD_BIND(400, "0x80048d19", "Error identified in Payload provided by the user for Entity :'%s'  ----> InnerException : Microsoft.OData.ODataException: %s"),
    REQUIRED_MISSING(400, "0x80044331", "A value for the required column '%s' of table '%s' was not provided."),
    VALUE_TOO_LONG(400, "0x80044331", "A validation error occurred. The length of the '%s' attribute of the '%s' entity exceeded the maximum allowed length of '%d'."),
    /**
     * A value outside its column type's range (ranges: {@code io.ppmlab.schema.ValueRanges}, from the SDK's
     * {@code MoneyAttributeMetadata}/{@code DecimalAttributeMetadata} constants). The code is Dataverse's attribute
     * validation failure, the one it returns with "A validation error occurred." for an over-long string
     * ({@code [0x80044331:StringLengthTooLong]} in real answers); Microsoft's own Web API client names it
     * {@code ValidationFailedErrorCode = "0x80044331"} (MS.GTA.Common.XrmHttp, XrmHttpClientResponseException).
     * Microsoft's published error list (learn.microsoft.com/power-apps/developer/data-platform/reference/web-service-error-codes)
     * has no entry of its own for a value out of range, and no citable source gives the message's exact wording: the
     * text is the lab's, in the shape of that validation family.
     */
    VALUE_OUT_OF_RANGE(400, "0x80044331", "A validation error occurred. The value %s of '%s' on record of type '%s' is outside the valid range. Accepted Range: %s to %s"),
    /** A body that is not well-formed UTF-8 (overlong forms included); the payload code, as for malformed JSON. */
    INVALID_UTF8(400, "0x80048d19", "Error identified in Payload provided by the user  ----> InnerException : Microsoft.OData.ODataException: The request body is not valid UTF-8."),
    /** A header longer than the emulator accepts (it would be echoed into a response header); the lab's limit and code. */
    HEADER_TOO_LONG(400, "0x80040203", "The %s header of %d characters exceeds the limit of %d characters."),
    INVALID_CHOICE(400, "0x8004431a", "%s value %s for %s is not a valid option."),
    BAD_KEY(400, "0x80060888", "%s"),
    BAD_QUERY(400, "0x80060888", "%s"),
    UNSUPPORTED_QUERY_OPTION(400, "0x80060888", "The query parameter %s is not supported"),
    TOO_MANY_CONDITIONS(400, "0x8004430C", "Number of conditions in query exceeded maximum limit."),
    BAD_REQUEST(400, "0x80040203", "%s"),
    /** AddMembersTeam on a default or Entra ID group team; Dataverse's exact code is not documented: InvalidArgument is the lab's choice. */
    TEAM_MEMBERS_NOT_EDITABLE(400, "0x80040203", "The members of team %s cannot be changed directly: %s"),
    /** The product's plug-in refuses a user's 251st Microsoft 365 group team (Entra's group-owner limit); 0x80040265 is Dataverse's plug-in exception. */
    GROUP_ADMINISTRATOR_LIMIT(400, "0x80040265", "User %s already administers %d Microsoft 365 group teams; a user may administer at most %d (Microsoft 365 group-owner limit). Choose another administrator for team %s."),
    /** A $batch body that is not a well-formed multipart/mixed batch; Dataverse's exact code is not documented: the payload code is the lab's choice. */
    BATCH_MALFORMED(400, "0x80048d19", "The $batch request is not a valid multipart/mixed batch: %s"),
    /** More than 1,000 requests (change-set items count one each); the code is the lab's choice. */
    BATCH_TOO_MANY_REQUESTS(400, "0x80040203", "The batch contains %d requests; a batch can contain at most %d requests, counting the requests inside change sets."),
    /** The message is Microsoft.OData's (ODataBatchReader); the code is the lab's choice. */
    BATCH_GET_IN_CHANGE_SET(400, "0x80040203", "An invalid HTTP method 'GET' was detected for a request in a change set. Requests in change sets only support the HTTP methods 'POST', 'PUT', 'DELETE', and 'PATCH'. (%s)"),
    BATCH_NESTED(400, "0x80040203", "A batch cannot contain another batch: %s"),
    /** Dataverse's documented message for a {@code $n} used before (or without) its Content-ID. */
    CONTENT_ID_REFERENCE_MISSING(400, "0x80040203", "Content-ID Reference: '%s' does not exist in the batch context."),
    /** A CreateMultiple / UpdateMultiple / UpsertMultiple body Dataverse would refuse (no Targets, a target of another type, no id). */
    BULK_BAD_TARGETS(400, "0x80040203", "%s"),
    /** sensei_SaveResourcePlan above the configured limit (documented: 45 resource-years per save); nothing is written. */
    RESOURCE_PLAN_TOO_LARGE(400, "0x80040265", "This resource plan save touches %s resource-years (%d resources); one save may touch at most %s resource-years (for example 90 resources for 6 months, or 15 resources for 3 years). Nothing was saved: split the plan into smaller saves."),
    /** A capacity horizon longer than the documented maximum (11 years). */
    CAPACITY_HORIZON_TOO_LONG(400, "0x80040265", "A capacity horizon of %d years (%d behind, %d ahead) is longer than the maximum of %d years. Nothing was changed."),
    /** The product refuses a status update, Duplicate or Clear because its configuration setting is wrong (named in the message). */
    STATUS_UPDATE_CONFIGURATION(400, "0x80040265", "%s"),
    /** The subscription has ended: the product's own actions refuse and send the user to the vendor's site. */
    SUBSCRIPTION_ENDED(403, "0x80040265", "%s"),
    // 401 / 403
    UNAUTHORIZED(401, "", "%s"),
    PRIVILEGE_DENIED(403, "0x80040220", "%s"),
    ACCESS_DENIED(403, "0x80048306", "%s"),
    CANNOT_ACT_ON_BEHALF(403, "0x80040224", "%s"),
    PRINCIPAL_PRIVILEGE_DENIED(403, "0x80040231", "%s"),
    // 404 / 405
    RESOURCE_NOT_FOUND(404, "0x80060888", "Resource not found for the segment '%s'."),
    OBJECT_DOES_NOT_EXIST(404, "0x80040217", "%s With Id = %s Does Not Exist"),
    /** UpdateMultiple on ids that do not exist; the message is the one Microsoft's bulk-operation documentation shows. */
    BULK_RECORDS_NOT_FOUND(404, "0x80040217", "%s With Ids = %s Do Not Exist"),
    RECORD_NOT_FOUND_BY_KEY(404, "0x80060891", "A record with the specified key values does not exist in %s entity"),
    METHOD_NOT_ALLOWED(405, "0x80060888", "The HTTP method '%s' is not allowed on '%s'."),
    CANNOT_DELETE_DUE_TO_ASSOCIATION(405, "0x80040227", "The object you tried to delete is associated with another object and cannot be deleted. (%s %s is referenced by %s %s.)"),
    CANNOT_DELETE_TEAM_OWNING_RECORDS(405, "0x8004830E", "Can't delete a team which owns records. Reassign the records and try again. (Team %s owns %s %s.)"),
    // 412 / 413 / 415
    CONCURRENCY_VERSION_MISMATCH(412, "0x80060882", "The version of the existing record doesn't match the RowVersion property provided."),
    DUPLICATE_RECORD(412, "0x80040237", "A record with matching key values already exists."),
    URL_TOO_LONG(414, "0x80060888", "The request URL of %d characters exceeds the limit of %d characters."),
    REQUEST_TOO_LARGE(413, "0x8005F103", "The request body of %d bytes exceeds the limit of %d bytes."),
    UNSUPPORTED_MEDIA_TYPE(415, "0x80048d19", "The content type '%s' is not supported; send application/json."),
    // 429: service protection (messages as Dataverse words them; the limits are the configured ones)
    THROTTLED_REQUESTS(429, "0x80072322", "Number of requests exceeded the limit of %d over time window of %d seconds."),
    THROTTLED_EXECUTION_TIME(429, "0x80072321", "Combined execution time of incoming requests exceeded limit of %,d milliseconds over time window of %d seconds. Decrease number of concurrent requests or reduce the duration of requests and try again later."),
    THROTTLED_CONCURRENCY(429, "0x80072326", "Number of concurrent requests exceeded the limit of %d."),
    // 500 (never for bad input)
    INTERNAL(500, "0x80040216", "An unexpected error occurred: %s");

    private final int status;
    private final String code;
    private final String template;

    ErrorCode(int status, String code, String template) {
        this.status = status;
        this.code = code;
        this.template = template;
    }

    public int status() { return status; }

    public String code() { return code; }

    /** An exception carrying this error, with the message template filled in. */
    public DataverseException error(Object... args) {
        return new DataverseException(this, String.format(template, args));
    }
}
