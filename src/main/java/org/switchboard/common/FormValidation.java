package org.switchboard.common;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

/**
 * Checks a form record against the Bean Validation constraints on its components: the same constraints
 * a form's {@code BeanValidationBinder} shows beside each field, so the screen and the service (which
 * the API also reaches) cannot disagree. Rules that need the database stay in the services.
 */
@Component
public class FormValidation {

    private final Validator validator;

    FormValidation(Validator validator) {
        this.validator = validator;
    }

    /**
     * The form itself when it is valid; otherwise a {@link ValidationException} with the message of the
     * first violated constraint in the order of the record's components.
     */
    public <T extends Record> T check(T form) {
        List<String> components = Arrays.stream(form.getClass().getRecordComponents()).map(RecordComponent::getName).toList();
        validator.validate(form).stream()
                .min(Comparator.<ConstraintViolation<T>>comparingInt(v -> position(components, v))
                        .thenComparing(ConstraintViolation::getMessage))
                .ifPresent(violation -> {
                    throw new ValidationException(BundleMessageInterpolator.message(violation));
                });
        return form;
    }

    /**
     * The value when the constraints on one component of a form record accept it; otherwise a
     * {@link ValidationException} with the message of a violated one. For screens that change one value alone.
     */
    public <T extends Record, V> V checkValue(Class<T> form, String component, V value) {
        validator.validateValue(form, component, value).stream()
                .min(Comparator.comparing(ConstraintViolation::getMessageTemplate))
                .ifPresent(violation -> {
                    throw new ValidationException(BundleMessageInterpolator.message(violation));
                });
        return value;
    }

    private static int position(List<String> components, ConstraintViolation<?> violation) {
        String property = violation.getPropertyPath().iterator().next().getName();
        int index = components.indexOf(property);
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
