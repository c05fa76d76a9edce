package io.ppmlab.emulator.product.settings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One telemetry event, holding exactly the items the product's documentation lists (besides Application
 * Insights' own): tenant id and name, application id and name, organisation unique name and currency id, the
 * user's id (a GUID, never a name or e-mail), time-zone offset, security roles, browser language, the table
 * type displayed and the event type. No row content can be carried: there is no field for it.
 */
public record TelemetryEvent(Instant at, UUID tenantId, String tenantName, UUID applicationId, String applicationName,
                             String organisationUniqueName, UUID organisationCurrencyId, UUID userId, Integer timeZoneOffsetMinutes,
                             List<String> securityRoles, String browserLanguage, String tableType, String eventType) {}
