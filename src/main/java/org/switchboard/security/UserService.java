package org.switchboard.security;

import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.audit.AuditAction;
import org.switchboard.audit.AuditLog;
import org.switchboard.audit.AuditTarget;
import org.switchboard.common.ConflictException;
import org.switchboard.common.FormValidation;
import org.switchboard.common.NotFoundException;
import org.switchboard.common.Translations;
import org.switchboard.common.ValidationException;
import org.switchboard.security.data.UserEntity;
import org.switchboard.security.data.UserRepository;

/** Users and their roles. Admins manage everyone; every signed-in user manages its own password. */
@Service
public class UserService {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditLog audit;
    private final FormValidation forms;

    UserService(UserRepository users, PasswordEncoder passwordEncoder, ApplicationEventPublisher events, Clock clock,
            AuditLog audit, FormValidation forms) {
        this.forms = forms;
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

    /**
     * The directory of extensions: who has this one among its lines (normally one user). The telephony
     * side puts calls through with it, and an agent dialing a colleague's line, so it is open like
     * {@link #linesOf}.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<UserSummary> withLine(String extension) {
        String line = extension == null ? "" : extension.trim();
        forms.checkValue(UserForm.class, "lines", List.of(line));
        return users.findAllById(users.findUserIdsWithLine(line)).stream().map(UserService::summary).toList();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserSummary create(UserForm entered) {
        UserForm form = forms.check(entered.normalized(entered.username()));
        String username = form.username();
        if (users.existsByUsername(username)) {
            throw new ValidationException("security.error.username-taken", username);
        }
        if (form.password() == null) {
            throw new ValidationException(UserForm.PASSWORD_RULE_KEY);
        }
        UserEntity user = new UserEntity(username, form.displayName(), passwordEncoder.encode(form.password()),
                EnumSet.copyOf(form.roles()), clock.instant());
        user.setLines(form.lines() == null ? List.of() : distinct(form.lines()));
        UserSummary created = summary(users.save(user));
        audit.record(AuditAction.USER_CREATED, AuditTarget.user(created.id(), created.username()),
                "Name: " + created.displayName() + "; roles: " + roleLabels(created.roles())
                        + (created.lines().isEmpty() ? "" : "; lines: " + String.join(", ", created.lines())));
        return created;
    }

    /** Changes display name, roles and (when given) the password; the user name stays. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserSummary update(long id, int expectedVersion, UserForm entered) {
        UserEntity user = existing(id, expectedVersion);
        UserForm form = forms.check(entered.normalized(user.getUsername()));
        Set<Role> roles = EnumSet.copyOf(form.roles());
        if (!roles.contains(Role.ADMIN) && user.getRoles().contains(Role.ADMIN) && user.isEnabled()
                && users.countEnabledAdmins() <= 1) {
            throw new ValidationException("security.error.last-admin");
        }
        List<String> changes = new java.util.ArrayList<>();
        String displayName = form.displayName();
        if (!displayName.equals(user.getDisplayName())) {
            changes.add("name: " + user.getDisplayName() + " → " + displayName);
        }
        if (!roles.equals(user.getRoles())) {
            changes.add("roles: " + roleLabels(user.getRoles()) + " → " + roleLabels(roles));
        }
        if (form.lines() != null) {
            List<String> lines = distinct(form.lines());
            if (!lines.equals(user.getLines())) {
                changes.add("lines: " + lineLabels(user.getLines()) + " → " + lineLabels(lines));
                events.publishEvent(new UserLinesChanged(id));
            }
            user.setLines(lines);
        }
        user.setDisplayName(displayName);
        user.setRoles(roles);
        if (form.password() != null) {
            user.setPasswordHash(passwordEncoder.encode(form.password()));
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
            throw new ValidationException("security.error.last-admin-disabled");
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
            throw new ValidationException("security.error.wrong-password");
        }
        if (newPassword == null) {
            throw new ValidationException(UserForm.PASSWORD_RULE_KEY);
        }
        user.setPasswordHash(passwordEncoder.encode(forms.checkValue(UserForm.class, "password", newPassword)));
        users.save(user);
    }

    @PreAuthorize("isAuthenticated() and #username == authentication.name")
    @Transactional
    public UserSummary changeOwnDisplayName(String username, String displayName) {
        UserEntity user = users.findByUsername(username).orElseThrow();
        user.setDisplayName(forms.checkValue(UserForm.class, "displayName", displayName == null ? null : displayName.trim()));
        return summary(users.save(user));
    }

    /** The language and time zone the user chose; empty values follow the browser. */
    @PreAuthorize("isAuthenticated() and #username == authentication.name")
    @Transactional(readOnly = true)
    public UserPreferences preferences(String username) {
        UserEntity user = users.findByUsername(username).orElseThrow();
        return new UserPreferences(Optional.ofNullable(user.getLanguage()).map(Locale::forLanguageTag),
                Optional.ofNullable(user.getTimeZone()).map(ZoneId::of));
    }

    @PreAuthorize("isAuthenticated() and #username == authentication.name")
    @Transactional
    public void changeOwnPreferences(String username, UserPreferences chosen) {
        Optional<Locale> language = chosen.language().map(l -> Locale.forLanguageTag(l.getLanguage()));
        if (language.filter(l -> !Translations.LANGUAGES.contains(l)).isPresent()) {
            throw new ValidationException("security.error.unsupported-language");
        }
        UserEntity user = users.findByUsername(username).orElseThrow();
        user.setLanguage(language.map(Locale::toLanguageTag).orElse(null));
        user.setTimeZone(chosen.timeZone().map(ZoneId::getId).orElse(null));
        users.save(user);
    }

    private UserEntity existing(long id, int expectedVersion) {
        UserEntity user = users.findById(id).orElseThrow(() -> new NotFoundException("security.error.no-such-user"));
        if (user.getVersion() != expectedVersion) {
            throw ConflictException.staleVersion("security.error.this-user");
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

    private static String lineLabels(List<String> lines) {
        return lines.isEmpty() ? "none" : String.join(", ", lines);
    }

    /** The lines in their order; a line listed twice is refused. */
    private static List<String> distinct(List<String> lines) {
        if (Set.copyOf(lines).size() < lines.size()) {
            String repeated = lines.stream().filter(line -> lines.indexOf(line) != lines.lastIndexOf(line)).findFirst()
                    .orElseThrow();
            throw new ValidationException("security.error.line-twice", repeated);
        }
        return lines;
    }
}
