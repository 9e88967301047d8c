package org.switchboard.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.common.FormValidation;
import org.switchboard.security.data.UserEntity;
import org.switchboard.security.data.UserRepository;

/**
 * On a database with no admin, creates the user {@code admin} with the password from
 * {@code SWITCHBOARD_ADMIN_PASSWORD}, or a random one printed once in the log. There is no fixed default.
 */
@Component
@Order(100)
class InitialAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);
    static final String USERNAME = "admin";

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final SecurityProperties properties;
    private final Clock clock;
    private final FormValidation forms;

    InitialAdmin(UserRepository users, PasswordEncoder encoder, SecurityProperties properties, Clock clock,
            FormValidation forms) {
        this.forms = forms;
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.countEnabledAdmins() > 0 || users.existsByUsername(USERNAME)) {
            return;
        }
        String password = properties.adminPassword();
        boolean generated = password.isBlank();
        if (generated) {
            byte[] bytes = new byte[15];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } else {
            forms.checkValue(UserForm.class, "password", password);
        }
        users.save(new UserEntity(USERNAME, "Administrator", encoder.encode(password), EnumSet.of(Role.ADMIN),
                clock.instant()));
        if (generated) {
            log.warn("Created the first admin. Sign in as '{}' with the password {} and change it "
                    + "(Settings > My account). It is not shown again.", USERNAME, password);
        } else {
            log.info("Created the first admin '{}' with the password from SWITCHBOARD_ADMIN_PASSWORD.", USERNAME);
        }
    }
}
