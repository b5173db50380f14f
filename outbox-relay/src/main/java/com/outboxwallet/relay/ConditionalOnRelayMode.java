package com.outboxwallet.relay;

import com.outboxwallet.relay.RelayProperties.RelayMode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * A bean that runs only in the given relay modes: the one way {@code relay.mode} decides what runs (polling gates,
 * the CDC engine and its slot monitor, the hybrid switch), read as the {@link RelayMode} the settings bind to.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(OnRelayModeCondition.class)
public @interface ConditionalOnRelayMode {

    RelayMode[] value();
}
