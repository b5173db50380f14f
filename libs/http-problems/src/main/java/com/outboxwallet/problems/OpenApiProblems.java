package com.outboxwallet.problems;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.math.BigDecimal;
import java.util.stream.Collectors;

/** How both services' OpenAPI documents describe problems: one schema, one kind of response, one table of types. */
public final class OpenApiProblems {

    /** The name of the schema in {@code components.schemas}. */
    public static final String SCHEMA = "Problem";

    public static final String MEDIA_TYPE = "application/problem+json";

    private OpenApiProblems() {}

    public static Schema<?> schema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty(
                        "type",
                        new StringSchema()
                                .format("uri-reference")
                                .description("stable URI of the problem type; switch on this"))
                .addProperty(
                        "title",
                        new StringSchema().description("the type's title, the same for every problem of the type"))
                .addProperty(
                        "status",
                        new IntegerSchema().minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)))
                .addProperty("detail", new StringSchema().description("what went wrong with this request"))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty(
                        "errors",
                        new Schema<>()
                                .type("array")
                                .description("the fields at fault, where known")
                                .items(new ObjectSchema()
                                        .addProperty(
                                                "field", new StringSchema().description("the field or header at fault"))
                                        .addProperty(
                                                "expected",
                                                new StringSchema().description("what would have been accepted"))));
    }

    /** A problem+json response with the given description (name the problem types it can carry). */
    public static ApiResponse response(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                MEDIA_TYPE,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))));
    }

    /** A Markdown table of every type in the catalog: URI, status, title. */
    public static String table(ProblemCatalog catalog) {
        return "| type | status | title |\n|---|---|---|\n"
                + catalog.types().stream()
                        .map(type -> "| `" + type.uri() + "` | " + type.status().value() + " | " + type.title() + " |")
                        .collect(Collectors.joining("\n"));
    }
}
