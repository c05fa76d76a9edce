package io.ppmlab.emulator.cost;

import io.ppmlab.emulator.odata.model.ParsedRequest;
import io.ppmlab.emulator.odata.model.ResourcePath;

/**
 * Names what a parsed request does, for the cost model's fixed cost and the metrics' {@code operation}
 * and {@code table} labels: retrieve, query, count, create, update, delete, property, function, action,
 * bulk, batch, metadata, other.
 */
public final class OperationKinds {
    private OperationKinds() {}

    /** Names the operation of the request a batch part makes: its fixed cost is charged to the batch. */
    public static String of(String method, ParsedRequest parsed) {
        Work w = new Work();
        classify(w, method, parsed);
        return w.operation();
    }

    public static void classify(Work work, String method, ParsedRequest parsed) {
        ResourcePath p = parsed.path();
        if (p instanceof ResourcePath.EntitySet s) work.classify(method.equals("POST") ? "create" : "query", s.table());
        else if (p instanceof ResourcePath.Entity e) work.classify(switch (method) {
            case "GET" -> "retrieve";
            case "DELETE" -> "delete";
            default -> "update";
        }, e.table());
        else if (p instanceof ResourcePath.EntitySetCount c) work.classify("count", c.table());
        else if (p instanceof ResourcePath.Navigation n) work.classify("query", n.targetTable());
        else if (p instanceof ResourcePath.NavigationCount n) work.classify("count", n.via().targetTable());
        else if (p instanceof ResourcePath.NavigationEntity n) work.classify("retrieve", n.via().targetTable());
        else if (p instanceof ResourcePath.EntityProperty e) work.classify("property", e.table());
        else if (p instanceof ResourcePath.FunctionCall f) work.classify("function", "");
        else if (p instanceof ResourcePath.BoundFunctionCall f) work.classify("function", f.boundTo().table());
        else if (p instanceof ResourcePath.ActionCall a) work.classify("action", a.boundTo().map(ResourcePath.BoundTo::table).orElse(""));
        else if (p instanceof ResourcePath.CollectionActionCall b) work.classify("bulk", b.table());
        else if (p instanceof ResourcePath.Ref r) work.classify("action", r.via().table());
        else if (p instanceof ResourcePath.Batch) work.classify("batch", "");
        else if (p instanceof ResourcePath.Metadata || p instanceof ResourcePath.ServiceDocument) work.classify("metadata", "");
        else work.classify("other", "");
    }
}
