package com.outboxwallet.problems;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every problem type one service answers with: {@link HttpProblem}'s and the service's own. The pages at
 * /problems/{name} and the OpenAPI document are made from it, so neither can miss a type the code sends.
 */
public final class ProblemCatalog {

    private final List<ProblemType> types;

    private ProblemCatalog(List<ProblemType> types) {
        this.types = types;
    }

    /** @param domainTypes the service's own types, beside {@link HttpProblem}'s */
    public static ProblemCatalog withDomainTypes(List<ProblemType> domainTypes) {
        List<ProblemType> all =
                Stream.concat(HttpProblem.ALL.stream(), domainTypes.stream()).toList();
        long slugs = all.stream().map(ProblemType::slug).distinct().count();
        if (slugs != all.size()) {
            throw new IllegalArgumentException("Two problem types share a slug: " + all);
        }
        return new ProblemCatalog(all);
    }

    public List<ProblemType> types() {
        return types;
    }

    public Optional<ProblemType> ofSlug(String slug) {
        return types.stream().filter(type -> type.slug().equals(slug)).findFirst();
    }
}
