package io.ppmlab.emulator.odata;

import io.ppmlab.schema.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.server.api.serializer.SerializerException;

/**
 * The two documents that describe the service: {@code $metadata} (CSDL XML written by Olingo) and the JSON
 * service document. Both are computed once because the schema is fixed for the emulator's lifetime.
 */
public final class MetadataDocument {
    private final ServiceModel model;
    private final String csdlXml;

    MetadataDocument(ServiceModel model) {
        this.model = model;
        this.csdlXml = serialize(model);
    }

    /** The CSDL XML served at {@code $metadata}. */
    public String csdlXml() { return csdlXml; }

    /**
     * The service document at the service root, listing every entity set.
     *
     * @param serviceRoot absolute root ending in '/', e.g. {@code https://host/api/data/v9.2/}
     */
    public String serviceDocumentJson(String serviceRoot) {
        StringBuilder sb = new StringBuilder(64 + 80 * model.schema().tables().size());
        sb.append("{\"@odata.context\":\"").append(jsonEscape(serviceRoot)).append("$metadata\",\"value\":[");
        boolean first = true;
        for (Table t : model.schema().tables()) {
            if (!first) sb.append(',');
            first = false;
            String set = jsonEscape(t.entitySetName());
            sb.append("{\"name\":\"").append(set).append("\",\"kind\":\"EntitySet\",\"url\":\"")
                    .append(set).append("\"}");
        }
        return sb.append("]}").toString();
    }

    private static String serialize(ServiceModel model) {
        try (InputStream in = model.odata().createSerializer(ContentType.APPLICATION_XML)
                .metadataDocument(model.serviceMetadata()).getContent()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (SerializerException e) {
            throw new IllegalStateException("the schema does not form a valid EDM: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jsonEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
