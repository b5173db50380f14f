package com.outboxwallet.problems;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/** Writes each operation's {@link ProblemResponses} into its OpenAPI responses, with an example for every type. */
class ProblemResponsesCustomizer implements OperationCustomizer {

    private final ProblemCatalog catalog;

    ProblemResponsesCustomizer(ProblemCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        List<ProblemType> types = Stream.of(
                        handler.getBeanType().getAnnotation(ProblemResponses.class),
                        handler.getMethodAnnotation(ProblemResponses.class))
                .filter(annotation -> annotation != null)
                .flatMap(annotation -> Stream.of(annotation.value()))
                .distinct()
                .map(slug -> catalog.ofSlug(slug)
                        .orElseThrow(() ->
                                new IllegalStateException(handler + " names an unknown problem type '" + slug + "'")))
                .toList();
        Map<Integer, List<ProblemType>> byStatus = types.stream()
                .collect(Collectors.groupingBy(type -> type.status().value(), TreeMap::new, Collectors.toList()));
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        byStatus.forEach((status, ofStatus) ->
                operation.getResponses().addApiResponse(String.valueOf(status), response(ofStatus)));
        return operation;
    }

    private static ApiResponse response(List<ProblemType> types) {
        ApiResponse response = OpenApiProblems.response(types.stream()
                .map(type -> type.title() + " (`" + type.uri() + "`)")
                .collect(Collectors.joining("; ")));
        Map<String, Example> examples = new LinkedHashMap<>();
        types.forEach(type -> examples.put(type.slug(), example(type)));
        // OpenApiProblems.response made it with its problem+json content.
        MediaType problemJson = Objects.requireNonNull(response.getContent().get(OpenApiProblems.MEDIA_TYPE));
        problemJson.setExamples(examples);
        if (types.stream().anyMatch(ProblemType::retryAfter)) {
            response.addHeaderObject(
                    "Retry-After",
                    new Header()
                            .description("Seconds to wait before retrying the same request.")
                            .schema(new IntegerSchema().minimum(BigDecimal.ONE)));
        }
        return response;
    }

    private static Example example(ProblemType type) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", type.uri().toString());
        value.put("title", type.title());
        value.put("status", type.status().value());
        value.put("detail", type.title() + ".");
        return new Example().summary(type.title()).value(value);
    }
}
