package io.ppmlab.emulator.product.process;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;

/**
 * A process's FetchXML made ready to run: {@code {utcNow}} replaced by the lab clock's time, and the row limit
 * applied the way the platform applies it to a process, as the first page only ({@code count} = the limit, any
 * {@code top}/{@code page} taken into account) with the total record count asked for, so the log can say how
 * many rows were left unprocessed.
 *
 * @param entity the {@code <entity name>} the query reads
 * @param xml    the FetchXML to send
 * @param top    the query's own {@code top}, if it had one below the limit (null otherwise)
 */
record ProcessFetch(String entity, String xml, Integer top) {

    /** Thrown for FetchXML the runner cannot read; the run is logged as failed with this message. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) { super(message, null, false, false); }
    }

    static ProcessFetch prepare(String fetchXml, Instant now, int maxRows) {
        if (fetchXml == null || fetchXml.isBlank()) throw new Invalid("The process has no FetchXML query.");
        Document doc = parse(fetchXml.replace("{utcNow}", now.toString()));
        Element fetch = doc.getDocumentElement();
        if (!fetch.getTagName().equals("fetch")) throw new Invalid("The FetchXML root element must be <fetch>, not <" + fetch.getTagName() + ">.");
        Element entity = null;
        for (Node n = fetch.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("entity")) entity = e;
        }
        if (entity == null || entity.getAttribute("name").isBlank()) throw new Invalid("The FetchXML query names no <entity name=\"...\">.");
        if (fetch.getAttribute("aggregate").equalsIgnoreCase("true")) throw new Invalid("A scheduled process needs rows, not an aggregate query.");
        Integer top = null;
        if (!fetch.getAttribute("top").isBlank()) {
            try {
                int t = Integer.parseInt(fetch.getAttribute("top").trim());
                if (t < maxRows) top = Math.max(t, 0);
            } catch (NumberFormatException e) {
                throw new Invalid("The FetchXML top attribute is not a number: " + fetch.getAttribute("top"));
            }
        }
        fetch.removeAttribute("top");
        fetch.removeAttribute("page");
        fetch.removeAttribute("paging-cookie");
        fetch.setAttribute("count", Integer.toString(top == null ? maxRows : Math.max(top, 1)));
        fetch.setAttribute("returntotalrecordcount", "true");
        return new ProcessFetch(entity.getAttribute("name"), write(doc), top);
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // No DTDs or external entities: the FetchXML is data an administrator typed, never a way to read files.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            throw new Invalid("The FetchXML query is not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(Document doc) {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
