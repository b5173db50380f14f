package com.outboxwallet.process;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/** A bean of one operator command's process only: neither the serving process nor another command makes it. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ProcessRoleCondition.class)
public @interface ConditionalOnCommand {

    /** The command's name, as the operator types it. */
    String value();
}
