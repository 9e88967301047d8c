package org.switchboard.security.data;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Failed sign-ins, kept in the database so throttling holds across app nodes and restarts. */
public interface LoginFailureRepository extends Repository<LoginFailureRepository.LoginFailure, Long> {

    /** Locks the user name's row (creating it on its first attempt) until the transaction ends. */
    @Modifying
    @Query("INSERT INTO login_lock (username) VALUES (:username) ON DUPLICATE KEY UPDATE username = username")
    void lock(String username);

    @Modifying
    @Query("INSERT INTO login_failure (username, failed_at) VALUES (:username, :failedAt)")
    void record(String username, Instant failedAt);

    /** Takes back one attempt booked as a failure whose password was never checked. */
    @Modifying
    @Query("DELETE FROM login_failure WHERE username = :username AND failed_at = :failedAt LIMIT 1")
    void withdraw(String username, Instant failedAt);

    /** Failure times since {@code since}, newest first. */
    @Query("SELECT failed_at FROM login_failure WHERE username = :username AND failed_at >= :since ORDER BY failed_at DESC")
    List<Instant> failuresSince(String username, Instant since);

    @Modifying
    @Query("DELETE FROM login_failure WHERE username = :username")
    void clear(String username);

    @Modifying
    @Query("DELETE FROM login_failure WHERE failed_at < :before")
    int deleteOlderThan(Instant before);

    /** Lock rows of names with no failures left; an attempt for such a name creates its row again. */
    @Modifying
    @Query("DELETE FROM login_lock WHERE NOT EXISTS (SELECT 1 FROM login_failure f WHERE f.username = login_lock.username)")
    int deleteUnusedLocks();

    @org.springframework.data.relational.core.mapping.Table("login_failure")
    record LoginFailure(@org.springframework.data.annotation.Id Long id, String username, Instant failedAt) {
    }
}
