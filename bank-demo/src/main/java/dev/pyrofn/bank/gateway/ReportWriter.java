package dev.pyrofn.bank.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Hand-written serialization of gateway answers, run on the event loop (the planted problem): JSON field by field
 * through a fresh Jackson generator, XML through a DOM and a Transformer created for every call.
 */
final class ReportWriter {
  private static final JsonFactory JSON = new JsonFactory();

  private ReportWriter() {
  }

  static String toJson(JsonObject document) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      generator.useDefaultPrettyPrinter();
      writeJsonValue(generator, document);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory failed", e);
    }
    return out.toString();
  }

  static String toXml(String rootName, JsonObject document) {
    try {
      Document dom = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
      Element root = dom.createElement(rootName);
      dom.appendChild(root);
      appendXml(dom, root, document);
      Transformer transformer = TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.INDENT, "yes");
      StringWriter out = new StringWriter();
      transformer.transform(new DOMSource(dom), new StreamResult(out));
      return out.toString();
    } catch (ParserConfigurationException | TransformerException e) {
      throw new IllegalStateException("the JDK's XML serializer failed", e);
    }
  }

  private static void writeJsonValue(JsonGenerator generator, Object value) throws IOException {
    if (value instanceof JsonObject) {
      generator.writeStartObject();
      for (Map.Entry<String, Object> field : (JsonObject) value) {
        generator.writeFieldName(field.getKey());
        writeJsonValue(generator, field.getValue());
      }
      generator.writeEndObject();
    } else if (value instanceof JsonArray) {
      generator.writeStartArray();
      for (Object item : (JsonArray) value) {
        writeJsonValue(generator, item);
      }
      generator.writeEndArray();
    } else if (value instanceof Number) {
      generator.writeNumber(value.toString());
    } else if (value instanceof Boolean) {
      generator.writeBoolean((Boolean) value);
    } else if (value == null) {
      generator.writeNull();
    } else {
      generator.writeString(value.toString());
    }
  }

  private static void appendXml(Document dom, Element parent, Object value) {
    if (value instanceof JsonObject) {
      for (Map.Entry<String, Object> field : (JsonObject) value) {
        Element child = dom.createElement(xmlName(field.getKey()));
        parent.appendChild(child);
        appendXml(dom, child, field.getValue());
      }
    } else if (value instanceof JsonArray) {
      for (Object item : (JsonArray) value) {
        Element child = dom.createElement("item");
        parent.appendChild(child);
        appendXml(dom, child, item);
      }
    } else if (value != null) {
      parent.setTextContent(value.toString());
    }
  }

  /** JSON keys may hold characters XML names cannot; replace them rather than fail. */
  private static String xmlName(String key) {
    StringBuilder cleaned = new StringBuilder(key.length() + 2);
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean allowed = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-');
      cleaned.append(allowed ? c : '_');
    }
    boolean startsWithLetter = cleaned.length() > 0 && Character.isLetter(cleaned.charAt(0));
    return startsWithLetter ? cleaned.toString() : "f_" + cleaned;
  }
}
