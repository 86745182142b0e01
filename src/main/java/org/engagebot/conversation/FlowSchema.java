package org.engagebot.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

/** The JSON schema every flow file must satisfy (src/main/resources/flow.schema.json). */
final class FlowSchema {
    private final JsonSchema schema;

    FlowSchema() {
        try (InputStream in = FlowSchema.class.getClassLoader().getResourceAsStream("flow.schema.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Problems as "line N: pointer: message", in line order; empty when the document is valid. */
    List<String> problems(YamlTree tree) {
        return schema.validate(tree.root()).stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> tree.lineOf(pointer(m))))
                .map(m -> "line " + tree.lineOf(pointer(m)) + ": " + m.getMessage())
                .distinct()
                .toList();
    }

    private static String pointer(ValidationMessage m) {
        String p = m.getInstanceLocation().toString();
        return p.equals("/") ? "" : p;
    }

    JsonNode root(YamlTree tree) {
        return tree.root();
    }
}
