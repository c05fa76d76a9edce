package io.ppmlab.emulator.query.fetchxml;

import io.ppmlab.emulator.odata.model.Expr;

import java.util.List;

/**
 * A parsed FetchXML query. Link-entities form a tree under the root entity; each node has a frame slot (root 0)
 * and an alias (generated as {@code <name><n>} when the query gives none, as Dataverse does).
 */
public record FetchXml(Paging paging, boolean aggregate, boolean distinct, boolean returnTotalRecordCount,
                       Integer aggregateLimit, Node root, int conditions) {

    /** {@code top}, {@code count}, {@code page} and {@code paging-cookie} as given (null when absent). */
    public record Paging(Integer top, Integer count, Integer page, String cookie) {}

    /**
     * @param from    link-entity: attribute of this entity matched against {@code to} of the parent
     * @param filter  this node's own filter (for a link: restricts which rows join), null when none
     */
    public record Node(String entity, String alias, int slot, int parentSlot, String from, String to, boolean outer,
                       boolean allAttributes, List<Attribute> attributes, Expr filter, List<Order> orders,
                       List<Node> links) {
        public Node {
            attributes = List.copyOf(attributes);
            orders = List.copyOf(orders);
            links = List.copyOf(links);
        }
    }

    /** @param aggregate count, countcolumn, sum, avg, min, max; null for a plain attribute */
    public record Attribute(String name, String alias, String aggregate, boolean groupBy, boolean distinct,
                            String dateGrouping) {}

    /** @param alias an aggregate alias to order by, else null; @param slot the node whose attribute orders */
    public record Order(String attribute, String alias, boolean descending, int slot) {}

    /** Every node, root first. */
    public List<Node> nodes() {
        List<Node> out = new java.util.ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<Node> out) {
        out.add(n);
        n.links().forEach(l -> collect(l, out));
    }
}
