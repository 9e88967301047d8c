package org.switchboard.audit;

/**
 * Tells the audit log who is acting on the current thread. The security feature provides the
 * implementation (it knows the signed-in principal), so this feature depends on no other.
 */
@FunctionalInterface
public interface CurrentActor {

    Actor get();
}
