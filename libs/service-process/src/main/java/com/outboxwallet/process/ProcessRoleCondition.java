package com.outboxwallet.process;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches {@link ConditionalOnServing} and {@link ConditionalOnCommand} against the process's {@link ProcessRole}. */
final class ProcessRoleCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ProcessRole role = ProcessRole.of(context.getEnvironment());
        @Nullable
        Map<String, @Nullable Object> command = metadata.getAnnotationAttributes(ConditionalOnCommand.class.getName());
        return command == null ? role.serves() : role.runs(String.valueOf(command.get("value")));
    }
}
