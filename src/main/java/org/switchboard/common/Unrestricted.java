package org.switchboard.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public service method (or every public method of a service) that checks no user on purpose:
 * the system calls it (dispatcher, sweep, outbox, webhooks behind their API key, the public webchat
 * page) or it runs inside a caller that checked already. Every other public service method states its
 * rule with {@code @PreAuthorize}; a method with neither fails the access-matrix test.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Unrestricted {

    /** Who calls it and why it needs no user check. */
    String value();
}
