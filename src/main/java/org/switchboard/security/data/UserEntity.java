package org.switchboard.security.data;

import java.time.Instant;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.switchboard.security.Role;

/** A user account with its roles: one aggregate, changed in one transaction. */
@Table("app_user")
public class UserEntity {

    @Id
    private Long id;
    private String username;
    private String displayName;
    private String passwordHash;
    private boolean enabled;
    private Instant createdAt;
    private String language;
    private String timeZone;
    @Version
    private int version;
    @MappedCollection(idColumn = "app_user")
    private Set<RoleGrant> roles = new HashSet<>();
    @MappedCollection(idColumn = "app_user", keyColumn = "position")
    private List<Line> lines = new ArrayList<>();

    public UserEntity(String username, String displayName, String passwordHash, Set<Role> roles, Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = true;
        this.createdAt = createdAt;
        setRoles(roles);
    }

    UserEntity() {
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The chosen language tag ("en", "ja"); null follows the browser. */
    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    /** The chosen IANA time zone; null follows the browser. */
    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public int getVersion() {
        return version;
    }

    public Set<Role> getRoles() {
        return roles.stream().map(RoleGrant::role).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    public void setRoles(Set<Role> newRoles) {
        roles = newRoles.stream().map(RoleGrant::new).collect(Collectors.toCollection(HashSet::new));
    }

    /** The phone extensions, in the order the admin entered them. */
    public List<String> getLines() {
        return lines.stream().map(Line::extension).toList();
    }

    public void setLines(List<String> extensions) {
        lines = extensions.stream().map(Line::new).collect(Collectors.toCollection(ArrayList::new));
    }

    @Table("user_line")
    record Line(String extension) {
    }

    @Table("user_role")
    record RoleGrant(Role role) {
    }
}
