package io.ppmlab.emulator.operations;

import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.odata.model.ResourcePath;
import io.ppmlab.emulator.store.Store;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** Unbound functions: {@code WhoAmI()}. */
public final class FunctionOperations {
    private final Store store;
    private final AtomicReference<UUID> organizationId = new AtomicReference<>();

    public FunctionOperations(Store store) { this.store = store; }

    public ApiResponse call(Caller caller, ResourcePath.FunctionCall call, ApiRequest request) {
        if (call.name().equals("WhoAmI")) return whoAmI(caller, request);
        throw ErrorCode.RESOURCE_NOT_FOUND.error(call.name());
    }

    private ApiResponse whoAmI(Caller caller, ApiRequest request) {
        String body = "{\"@odata.context\":\"" + request.baseUrl() + "$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse\","
                + "\"BusinessUnitId\":\"" + caller.businessUnitId() + "\",\"UserId\":\"" + caller.userId()
                + "\",\"OrganizationId\":\"" + organizationId() + "\"}";
        return ApiResponse.json(200, body, Map.of());
    }

    private UUID organizationId() {
        UUID id = organizationId.get();
        if (id == null) {
            AtomicReference<UUID> found = new AtomicReference<>();
            store.scan("organization", row -> found.compareAndSet(null, row.id()));
            id = found.get() == null ? new UUID(0, 0) : found.get();
            organizationId.set(id);
        }
        return id;
    }
}
