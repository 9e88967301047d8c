package org.switchboard.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.api.data.ApiKeyRepository;
import org.switchboard.audit.AuditLog;
import org.switchboard.audit.AuditTarget;
import org.switchboard.common.FormValidation;
import org.switchboard.common.NotFoundException;
import org.switchboard.common.Unrestricted;
import org.switchboard.common.ValidationException;

/**
 * API keys of integration clients (telephony, chat channels, CTI). Only a SHA-256 hash is stored;
 * the plain key is shown once, when it is created.
 */
@Service
public class ApiKeyService {

    static final String PREFIX = "sb_";
    /** Audit codes and target type of this feature. */
    public static final String KEY_CREATED = "api-key.created";
    public static final String KEY_REVOKED = "api-key.revoked";
    public static final String AUDIT_TARGET = "API_KEY";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyRepository keys;
    private final AuditLog audit;
    private final Clock clock;
    private final FormValidation forms;

    ApiKeyService(ApiKeyRepository keys, AuditLog audit, Clock clock, FormValidation forms) {
        this.forms = forms;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    /** A key as the admin list shows it: never the key itself. */
    public record ApiKeyInfo(long id, String name, String prefix, String createdBy, java.time.Instant createdAt,
            java.time.Instant revokedAt, java.time.Instant lastUsedAt, Set<ApiScope> scopes) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A new key; {@code plainKey} is shown once and cannot be read again. */
    public record CreatedKey(ApiKeyInfo info, String plainKey) {
    }

    /** A key with every scope. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public CreatedKey create(String name, String createdBy) {
        return issue(name, createdBy, EnumSet.allOf(ApiScope.class));
    }

    /** A key that may do only what {@code scopes} allow. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public CreatedKey create(String name, String createdBy, Set<ApiScope> scopes) {
        return issue(name, createdBy, scopes);
    }

    private CreatedKey issue(String name, String createdBy, Set<ApiScope> scopes) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String plain = PREFIX + HexFormat.of().formatHex(secret);
        return new CreatedKey(store(name, plain, createdBy, scopes), plain);
    }

    /** Stores a key whose value is given (the demo key from configuration); nothing when it exists. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void ensure(String name, String plainKey) {
        if (keys.findByHash(hash(plainKey)).isEmpty()) {
            store(name, plainKey, "configuration", EnumSet.allOf(ApiScope.class));
        }
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void revoke(long id) {
        ApiKeyInfo key = keys.findById(id).filter(ApiKeyInfo::active)
                .orElseThrow(() -> new NotFoundException("api.error.no-active-key", id));
        if (!keys.revoke(id, clock.instant())) {
            throw new NotFoundException("api.error.no-active-key", id);
        }
        audit.record(KEY_REVOKED, new AuditTarget(AUDIT_TARGET, id, key.name()), "Key " + key.prefix() + "…");
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<ApiKeyInfo> findAll() {
        return keys.findAll();
    }

    /** The active key with this value, if any; records its use. */
    @Unrestricted("the API key filter, before there is a caller: the key it checks is the credential")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<ApiKeyInfo> authenticate(String plainKey) {
        if (plainKey == null || !plainKey.startsWith(PREFIX) || plainKey.length() > 200) {
            return Optional.empty();
        }
        Optional<ApiKeyInfo> key = keys.findByHash(hash(plainKey)).filter(ApiKeyInfo::active);
        key.ifPresent(k -> keys.touch(k.id(), clock.instant()));
        return key;
    }

    private ApiKeyInfo store(String name, String plain, String createdBy, Set<ApiScope> scopes) {
        String trimmed = forms.check(new ApiKeyForm(name == null ? null : name.trim(), scopes)).name();
        if (!plain.startsWith(PREFIX) || plain.length() < 20) {
            throw new ValidationException("api.error.key-format", PREFIX);
        }
        long id = keys.insert(trimmed, plain.substring(0, 10), hash(plain), createdBy, scopes, clock.instant());
        ApiKeyInfo created = keys.findById(id).orElseThrow();
        audit.record(KEY_CREATED, new AuditTarget(AUDIT_TARGET, id, created.name()), "Key " + created.prefix() + "… for " + created.scopes());
        return created;
    }

    static String hash(String plain) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
