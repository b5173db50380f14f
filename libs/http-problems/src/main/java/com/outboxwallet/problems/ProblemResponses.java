package com.outboxwallet.problems;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem types an operation can answer with, by slug ({@code "wallet-busy"}): on a controller, for each of its
 * operations; on a method, for that one too. {@link ProblemResponsesCustomizer} turns them into the OpenAPI responses,
 * one per status, each with an example of every type, so the document is written from one list per operation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ProblemResponses {

    String[] value();
}
