package com.outboxwallet.api.idempotency.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** How the API answers a request made with an Idempotency-Key: the same way for every resource it creates. */
public final class IdempotentAnswers {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Says that the answer is the first one to this key again, not a new resource. */
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    private IdempotentAnswers() {}

    /** {@code 201} with the resource's location, and {@link #IDEMPOTENT_REPLAYED} when it is the first answer again. */
    public static <T> ResponseEntity<T> created(String location, boolean replayed, T body) {
        ResponseEntity.BodyBuilder created = ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(location))
                .contentType(MediaType.APPLICATION_JSON);
        if (replayed) {
            created.header(IDEMPOTENT_REPLAYED, "true");
        }
        return created.body(body);
    }
}
