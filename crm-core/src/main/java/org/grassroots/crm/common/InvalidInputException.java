package org.grassroots.crm.common;

/**
 * Input that a service refuses, with the field it concerns so a form can show the message beside that field.
 * Nothing has been written when this is thrown.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The name of the offending field as the caller knows it (for example {@code "username"}). */
    public String field() {
        return field;
    }
}
