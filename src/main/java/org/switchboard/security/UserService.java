package org.switchboard.security;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.audit.AuditAction;
import org.switchboard.audit.AuditLog;
import org.switchboard.audit.AuditTarget;
import org.switchboard.common.ValidationException;
import org.switchboard.security.data.UserEntity;
import org.switchboard.security.data.UserRepository;

/** Users and their roles. Admins manage everyone; every signed-in user manages its own password. */
@Service
public class UserService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,50}");
    private static final Pattern EXTENSION = Pattern.compile("[0-9A-Za-z+*#._-]{1,30}");
    static final int MAX_LINES = 10;
    static final int MIN_PASSWORD_LENGTH = 8;

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditLog audit;

    UserService(UserRepository users, PasswordEncoder passwordEncoder, ApplicationEventPublisher events, Clock clock,
            AuditLog audit) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<UserSummary> findAll() {
        return users.findAllOrderByDisplayName().stream().map(UserService::summary).toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<UserSummary> findByUsername(String username) {
        return users.findByUsername(username).map(UserService::summary);
    }

    /**
     * The user's phone extensions, the first taking calls until the agent picks another; empty when it
     * has none. Open to the routing engine and the telephony side as a directory is; only admins change them.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<String> linesOf(long userId) {
        return users.findLines(userId);
    }

    /** The telephony side's directory: who has this extension among its lines (normally one user). */
    @PreAuthorize("hasAnyRole('ADMIN','INTEGRATION')")
    @Transactional(readOnly = true)
    public List<UserSummary> withLine(String extension) {
        String line = validExtension(extension == null ? "" : extension.trim());
        return users.findAllById(users.findUserIdsWithLine(line)).stream().map(UserService::summary).toList();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserSummary create(UserForm form) {
        String username = validUsername(form.username());
        if (users.existsByUsername(username)) {
            throw new ValidationException("The user name " + username + " is already taken.");
        }
        UserEntity user = new UserEntity(username, validDisplayName(form.displayName()),
                passwordEncoder.encode(validPassword(form.password())), validRoles(form.roles()), clock.instant());
        user.setLines(form.lines() == null ? List.of() : validLines(form.lines()));
        UserSummary created = summary(users.save(user));
        audit.record(AuditAction.USER_CREATED, AuditTarget.user(created.id(), created.username()),
                "Name: " + created.displayName() + "; roles: " + roleLabels(created.roles())
                        + (created.lines().isEmpty() ? "" : "; lines: " + String.join(", ", created.lines())));
        return created;
    }

    /** Changes display name, roles and (when given) the password; the user name stays. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserSummary update(long id, int expectedVersion, UserForm form) {
        UserEntity user = existing(id, expectedVersion);
        Set<Role> roles = validRoles(form.roles());
        if (!roles.contains(Role.ADMIN) && user.getRoles().contains(Role.ADMIN) && user.isEnabled()
                && users.countEnabledAdmins() <= 1) {
            throw new ValidationException("At least one enabled admin must remain.");
        }
        List<String> changes = new java.util.ArrayList<>();
        String displayName = validDisplayName(form.displayName());
        if (!displayName.equals(user.getDisplayName())) {
            changes.add("name: " + user.getDisplayName() + " → " + displayName);
        }
        if (!roles.equals(user.getRoles())) {
            changes.add("roles: " + roleLabels(user.getRoles()) + " → " + roleLabels(roles));
        }
        if (form.lines() != null) {
            List<String> lines = validLines(form.lines());
            if (!lines.equals(user.getLines())) {
                changes.add("lines: " + lineLabels(user.getLines()) + " → " + lineLabels(lines));
                events.publishEvent(new UserLinesChanged(id));
            }
            user.setLines(lines);
        }
        user.setDisplayName(displayName);
        user.setRoles(roles);
        if (form.password() != null && !form.password().isEmpty()) {
            user.setPasswordHash(passwordEncoder.encode(validPassword(form.password())));
            changes.add("password reset");
        }
        UserSummary saved = summary(users.save(user));
        audit.record(AuditAction.USER_CHANGED, AuditTarget.user(saved.id(), saved.username()),
                changes.isEmpty() ? "No changes" : String.join("; ", changes));
        return saved;
    }

    /** Disabling also ends the user's open sessions (see {@link UserDisabled}). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserSummary setEnabled(long id, int expectedVersion, boolean enabled) {
        UserEntity user = existing(id, expectedVersion);
        if (!enabled && user.getRoles().contains(Role.ADMIN) && user.isEnabled() && users.countEnabledAdmins() <= 1) {
            throw new ValidationException("The last enabled admin cannot be disabled.");
        }
        boolean changed = user.isEnabled() != enabled;
        boolean disabling = changed && !enabled;
        user.setEnabled(enabled);
        UserSummary saved = summary(users.save(user));
        if (changed) {
            audit.record(enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED,
                    AuditTarget.user(saved.id(), saved.username()), enabled ? "May sign in again" : "Signed out everywhere");
        }
        if (disabling) {
            events.publishEvent(new UserDisabled(saved.id(), saved.username()));
        }
        return saved;
    }

    @PreAuthorize("isAuthenticated() and #username == authentication.name")
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        UserEntity user = users.findByUsername(username).orElseThrow();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            throw new ValidationException("The current password is not correct.");
        }
        user.setPasswordHash(passwordEncoder.encode(validPassword(newPassword)));
        users.save(user);
    }

    @PreAuthorize("isAuthenticated() and #username == authentication.name")
    @Transactional
    public UserSummary changeOwnDisplayName(String username, String displayName) {
        UserEntity user = users.findByUsername(username).orElseThrow();
        user.setDisplayName(validDisplayName(displayName));
        return summary(users.save(user));
    }

    private UserEntity existing(long id, int expectedVersion) {
        UserEntity user = users.findById(id).orElseThrow(() -> new ValidationException("No such user."));
        if (user.getVersion() != expectedVersion) {
            throw new ValidationException("Someone else changed this user meanwhile. Reload and try again.");
        }
        return user;
    }

    private static String roleLabels(Set<Role> roles) {
        return String.join(", ", roles.stream().sorted().map(Role::label).toList());
    }

    static UserSummary summary(UserEntity user) {
        return new UserSummary(user.getId(), user.getUsername(), user.getDisplayName(), user.getRoles(),
                user.isEnabled(), user.getVersion(), user.getLines());
    }

    private static String validUsername(String username) {
        String trimmed = username == null ? "" : username.trim();
        if (!USERNAME.matcher(trimmed).matches()) {
            throw new ValidationException(
                    "A user name has 2 to 50 lower-case letters, digits, dots, dashes or underscores.");
        }
        return trimmed;
    }

    private static String validDisplayName(String displayName) {
        String trimmed = displayName == null ? "" : displayName.trim();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new ValidationException("A name is required and has at most 100 characters.");
        }
        return trimmed;
    }

    static String validPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 72) {
            throw new ValidationException("A password has 8 to 72 characters.");
        }
        return password;
    }

    private static String lineLabels(List<String> lines) {
        return lines.isEmpty() ? "none" : String.join(", ", lines);
    }

    /** Trimmed, blank entries left out, each a dialable extension, no repeats, at most {@value #MAX_LINES}. */
    static List<String> validLines(List<String> lines) {
        List<String> valid = new java.util.ArrayList<>();
        for (String line : lines) {
            String trimmed = line == null ? "" : line.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            validExtension(trimmed);
            if (valid.contains(trimmed)) {
                throw new ValidationException("The line " + trimmed + " is listed twice.");
            }
            valid.add(trimmed);
        }
        if (valid.size() > MAX_LINES) {
            throw new ValidationException("A user has at most " + MAX_LINES + " lines.");
        }
        return valid;
    }

    private static String validExtension(String trimmed) {
        if (!EXTENSION.matcher(trimmed).matches()) {
            throw new ValidationException("The line '" + (trimmed.length() > 40 ? trimmed.substring(0, 40) + "…" : trimmed)
                    + "' is not an extension: up to 30 letters, digits or + * # . _ -");
        }
        return trimmed;
    }

    private static Set<Role> validRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new ValidationException("Choose at least one role.");
        }
        return EnumSet.copyOf(roles);
    }
}
