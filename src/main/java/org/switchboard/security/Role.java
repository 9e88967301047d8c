package org.switchboard.security;

import java.util.Locale;

/** What a user may do; one user may hold several. */
public enum Role {
    AGENT("Agent"), SUPERVISOR("Supervisor"), ADMIN("Admin");

    /** Role names for {@code @RolesAllowed} and {@code hasRole}, which must be compile-time constants. */
    public static final String AGENT_ROLE = "AGENT";
    public static final String SUPERVISOR_ROLE = "SUPERVISOR";
    public static final String ADMIN_ROLE = "ADMIN";
    /** Authority of integration clients (API keys); never a user role. */
    public static final String INTEGRATION_ROLE = "INTEGRATION";

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The role's name in English, as the audit log records it. */
    public String label() {
        return label;
    }

    /** The bundle key of the role's name on screens. */
    public String key() {
        return "security.role." + name().toLowerCase(Locale.ROOT);
    }
}
