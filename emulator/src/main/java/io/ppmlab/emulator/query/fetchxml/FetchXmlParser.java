package io.ppmlab.emulator.query.fetchxml;

import io.ppmlab.emulator.odata.model.Expr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads FetchXML with the JDK's DOM parser, hardened: no DOCTYPE, no external entities or DTDs, secure processing
 * on. Conditions become the same {@link Expr} tree OData filters use (FetchXML operators map onto Dataverse's
 * query functions), with link-entity attributes addressed as {@code alias/attribute}.
 */
public final class FetchXmlParser {
    private static final DocumentBuilderFactory FACTORY = factory();

    private int nextSlot;
    private int conditions;
    private final Map<String, Integer> generated = new HashMap<>();

    private FetchXmlParser() {}

    public static FetchXml parse(String xml) {
        return new FetchXmlParser().read(xml);
    }

    private FetchXml read(String xml) {
        Document doc;
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // fatal errors throw, nothing printed
            doc = builder.parse(new org.xml.sax.InputSource(new StringReader(xml)));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw FetchErrors.malformed(e.getMessage());
        }
        Element fetch = doc.getDocumentElement();
        if (!fetch.getTagName().equals("fetch")) throw FetchErrors.malformed("the root element must be <fetch>");
        List<Element> entities = children(fetch, "entity");
        if (entities.size() != 1) throw FetchErrors.malformed("a fetch needs exactly one <entity>");
        FetchXml.Paging paging = new FetchXml.Paging(integer(fetch, "top"), integer(fetch, "count"), integer(fetch, "page"),
                attr(fetch, "paging-cookie"));
        boolean aggregate = bool(fetch, "aggregate");
        FetchXml.Node root = node(entities.get(0), null, 0, 0);
        return new FetchXml(paging, aggregate, bool(fetch, "distinct"), bool(fetch, "returntotalrecordcount"),
                integer(fetch, "aggregatelimit"), root, conditions);
    }

    private FetchXml.Node node(Element e, String givenAlias, int slot, int parentSlot) {
        String entity = required(e, "name");
        String alias = slot == 0 ? null : givenAlias;
        List<FetchXml.Attribute> attributes = new ArrayList<>();
        boolean all = false;
        Expr filter = null;
        List<FetchXml.Order> orders = new ArrayList<>();
        List<FetchXml.Node> links = new ArrayList<>();
        for (Element child : children(e, null)) {
            switch (child.getTagName()) {
                case "attribute" -> attributes.add(new FetchXml.Attribute(required(child, "name"), attr(child, "alias"),
                        lower(attr(child, "aggregate")), bool(child, "groupby"), bool(child, "distinct"),
                        lower(attr(child, "dategrouping"))));
                case "all-attributes" -> all = true;
                case "filter" -> {
                    Expr f = filter(child, alias);
                    if (f != null) filter = filter == null ? f : new Expr.Binary(Expr.Op.AND, filter, f);
                }
                case "order" -> orders.add(new FetchXml.Order(attr(child, "attribute"), attr(child, "alias"),
                        bool(child, "descending"), slot));
                case "link-entity" -> {
                    conditions++;
                    String name = required(child, "name");
                    String linkAlias = attr(child, "alias");
                    if (linkAlias == null) linkAlias = name + generated.merge(name, 1, Integer::sum);
                    links.add(node(child, linkAlias, ++nextSlot, slot));
                }
                default -> { } // Dataverse ignores what it does not know here, so does the emulator
            }
        }
        String linkType = lower(attr(e, "link-type"));
        if (linkType != null && !linkType.equals("inner") && !linkType.equals("outer")) {
            throw FetchErrors.unsupported("link-type '" + linkType + "'");
        }
        return new FetchXml.Node(entity, alias, slot, parentSlot, attr(e, "from"), attr(e, "to"), "outer".equals(linkType),
                all, attributes, filter, orders, links);
    }

    private Expr filter(Element f, String alias) {
        boolean or = "or".equalsIgnoreCase(attr(f, "type"));
        List<Expr> parts = new ArrayList<>();
        for (Element child : children(f, null)) {
            if (child.getTagName().equals("condition")) parts.add(condition(child, alias));
            else if (child.getTagName().equals("filter")) {
                Expr nested = filter(child, alias);
                if (nested != null) parts.add(nested);
            }
        }
        if (parts.isEmpty()) return null;
        Expr out = parts.get(0);
        for (int i = 1; i < parts.size(); i++) out = new Expr.Binary(or ? Expr.Op.OR : Expr.Op.AND, out, parts.get(i));
        return out;
    }

    private Expr condition(Element c, String nodeAlias) {
        conditions++;
        String attribute = required(c, "attribute");
        String entityName = attr(c, "entityname");
        String scope = entityName != null ? entityName : nodeAlias;
        List<String> path = scope == null ? List.of(attribute) : List.of(scope, attribute);
        String op = lower(required(c, "operator"));
        List<String> values = new ArrayList<>();
        if (attr(c, "value") != null) values.add(attr(c, "value"));
        for (Element v : children(c, "value")) values.add(v.getTextContent());
        String valueOf = attr(c, "valueof");
        Expr property = new Expr.Property(path);
        if (valueOf != null) {
            List<String> other = valueOf.contains(".") ? List.of(valueOf.split("\\.", 2))
                    : scope == null ? List.of(valueOf) : List.of(scope, valueOf);
            return new Expr.Binary(comparison(op), property, new Expr.Property(other));
        }
        return FetchOperators.toExpr(op, property, String.join("/", path), values);
    }

    private static Expr.Op comparison(String op) {
        return switch (op) {
            case "eq" -> Expr.Op.EQ;
            case "ne", "neq" -> Expr.Op.NE;
            case "gt" -> Expr.Op.GT;
            case "ge" -> Expr.Op.GE;
            case "lt" -> Expr.Op.LT;
            case "le" -> Expr.Op.LE;
            default -> throw FetchErrors.unsupported("operator '" + op + "' with valueof");
        };
    }

    private static List<Element> children(Element e, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child && (tag == null || child.getTagName().equals(tag))) out.add(child);
        }
        return out;
    }

    private static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    private static String required(Element e, String name) {
        String v = attr(e, name);
        if (v == null || v.isBlank()) throw FetchErrors.malformed("<" + e.getTagName() + "> needs the attribute '" + name + "'");
        return v;
    }

    private static boolean bool(Element e, String name) {
        String v = attr(e, name);
        return v != null && (v.equalsIgnoreCase("true") || v.equals("1"));
    }

    private static Integer integer(Element e, String name) {
        String v = attr(e, name);
        if (v == null || v.isBlank()) return null;
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException ex) {
            throw FetchErrors.malformed("the attribute '" + name + "' must be a number: " + v);
        }
    }

    private static String lower(String s) { return s == null ? null : s.toLowerCase(Locale.ROOT); }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be hardened", e);
        }
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        return f;
    }
}
