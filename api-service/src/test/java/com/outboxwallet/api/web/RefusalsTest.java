package com.outboxwallet.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.api.Refusal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

class RefusalsTest {

    @Test
    void everyRefusalOfTheServiceIsAnsweredFromTheTable() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Refusal.class));

        assertThat(scanner.findCandidateComponents("com.outboxwallet.api").stream()
                        .map(BeanDefinition::getBeanClassName))
                .isNotEmpty()
                .allSatisfy(refusal -> assertThat(Refusals.refusals())
                        .extracting(Class::getName)
                        .as("the table of refusals")
                        .contains(refusal));
    }
}
