package org.switchboard.common;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.metadata.ConstraintDescriptor;

/**
 * Bean Validation messages from the app's bundle: a constraint's {@code message = "{key}"} names a key
 * of {@code vaadin-i18n/translations}, whose text may use the constraint's attributes ({@code {max}}) and
 * {@code {validatedValue}}.
 * Vaadin's {@code BeanValidationBinder} asks it in the screen's language (it is the interpolator of the
 * default validator factory through {@code META-INF/validation.xml}); {@link FormValidation} hands the
 * same message to {@link ValidationException}. Other templates (the provider's own) go to the provider.
 */
public class BundleMessageInterpolator implements MessageInterpolator {

    private static final Pattern KEY = Pattern.compile("\\{([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)}");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\{(\\w+)}");

    private static final BundleMessageInterpolator INSTANCE = new BundleMessageInterpolator();

    private final MessageInterpolator provider = Validation.byDefaultProvider().configure().getDefaultMessageInterpolator();

    @Override
    public String interpolate(String template, Context context) {
        return interpolate(template, context, Translations.ENGLISH);
    }

    @Override
    public String interpolate(String template, Context context, Locale locale) {
        Matcher key = KEY.matcher(template);
        if (!key.matches()) {
            return provider.interpolate(template, context, Translations.supported(locale));
        }
        String text = Translations.translate(locale, key.group(1));
        Map<String, Object> attributes = context.getConstraintDescriptor().getAttributes();
        return ATTRIBUTE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(String.valueOf(
                "validatedValue".equals(m.group(1)) ? context.getValidatedValue() : attributes.getOrDefault(m.group(1), m.group()))));
    }

    /** A violation's message in any language: from the bundle when its constraint names a key, else as the provider said it. */
    public static Message message(ConstraintViolation<?> violation) {
        if (!KEY.matcher(violation.getMessageTemplate()).matches()) {
            return locale -> violation.getMessage();
        }
        Context context = new Context() {
            @Override
            public ConstraintDescriptor<?> getConstraintDescriptor() {
                return violation.getConstraintDescriptor();
            }

            @Override
            public Object getValidatedValue() {
                return violation.getInvalidValue();
            }

            @Override
            public <U> U unwrap(Class<U> type) {
                throw new jakarta.validation.ValidationException("No provider context behind " + type.getName());
            }
        };
        return locale -> INSTANCE.interpolate(violation.getMessageTemplate(), context, locale);
    }
}
