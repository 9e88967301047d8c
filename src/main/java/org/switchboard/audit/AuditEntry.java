package org.switchboard.audit;

import java.time.Instant;

/** One line of the audit log: who ({@code actor*}) did what ({@code action}) to whom ({@code target*}) when ({@code at}). */
public record AuditEntry(long id, Instant at, Long actorId, String actorUsername, String action, String targetType,
        Long targetId, String targetName, String detail) {
}
