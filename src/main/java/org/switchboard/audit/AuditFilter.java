package org.switchboard.audit;

import java.time.LocalDate;

/**
 * Narrows the audit log; every part is optional (null or blank = any).
 *
 * @param actor  the acting user's name, or its beginning
 * @param action an exact action code (see {@link AuditAction})
 * @param from   first day included, in the server's zone
 * @param to     last day included, in the server's zone
 */
public record AuditFilter(String actor, String action, LocalDate from, LocalDate to) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null);
}
