package io.ppmlab.emulator.operations;

import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.odata.model.QueryOptions;
import io.ppmlab.emulator.odata.model.ResourcePath;
import io.ppmlab.schema.Table;

/** Reads of many rows: entity sets, navigation collections and their counts. Implemented by the query engine. */
public interface QueryOperations {
    ApiResponse list(Caller caller, Table table, QueryOptions options, ApiRequest request);

    ApiResponse count(Caller caller, Table table, QueryOptions options, ApiRequest request);

    ApiResponse navigation(Caller caller, ResourcePath.Navigation navigation, QueryOptions options, ApiRequest request);

    ApiResponse navigationCount(Caller caller, ResourcePath.Navigation navigation, QueryOptions options, ApiRequest request);
}
