package com.outboxwallet.relay;

import com.outboxwallet.relay.RelayProperties.RelayMode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Binds {@code relay.mode} as {@link RelayProperties} does (the same enum; its value comes from outbox-relay.yml unless set) and compares. */
class OnRelayModeCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes =
                Objects.requireNonNull(metadata.getAnnotationAttributes(ConditionalOnRelayMode.class.getName()));
        RelayMode[] wanted = (RelayMode[]) attributes.get("value");
        RelayMode mode = Binder.get(context.getEnvironment())
                .bind("relay.mode", RelayMode.class)
                .orElseThrow(() -> new IllegalStateException("relay.mode is not set (outbox-relay.yml sets it)"));
        boolean matches = Arrays.asList(wanted).contains(mode);
        String message = "relay.mode " + mode.name().toLowerCase(Locale.ROOT) + (matches ? " is " : " is not ")
                + "one of " + Arrays.toString(wanted);
        return matches ? ConditionOutcome.match(message) : ConditionOutcome.noMatch(message);
    }
}
