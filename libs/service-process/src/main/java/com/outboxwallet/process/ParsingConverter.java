package com.outboxwallet.process;

import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An option's converter from a parse method, whose {@link IllegalArgumentException} says what is wrong with the
 * value: that message is the usage error the operator sees. Subclasses name the parse method (picocli makes
 * converters from their class).
 */
public abstract class ParsingConverter<T> implements ITypeConverter<T> {

    private final Function<String, T> parse;

    protected ParsingConverter(Function<String, T> parse) {
        this.parse = parse;
    }

    @Override
    public T convert(String value) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
