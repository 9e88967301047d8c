package org.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.switchboard.SecondContext;
import org.switchboard.security.data.UserRepository;

/**
 * First start on an empty database outside demo mode: one admin with a random password shown once
 * in the log, and no demo users. Runs its own context on a schema of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartTest {

    @Test
    void createsOneAdminWithARandomPasswordAndNoDemoUsers(CapturedOutput output) throws SQLException {
        String schema = "first_start_" + UUID.randomUUID().toString().substring(0, 8).replace('-', '_');
        // Arguments, because they outrank the test profile's demo mode.
        try (SecondContext app = SecondContext.start("--switchboard.demo=false", "--switchboard.embedded-db.schema=" + schema,
                        "--spring.datasource.url=" + emptyDatabase(schema), "--server.port=0",
                        "--switchboard.security.admin-password=")) {
            UserRepository users = app.bean(UserRepository.class);
            assertThat(users.count()).isEqualTo(1);
            var admin = users.findByUsername("admin").orElseThrow();
            assertThat(admin.getRoles()).containsExactly(Role.ADMIN);

            Matcher logged = Pattern.compile("Sign in as 'admin' with the password (\\S+) ").matcher(output.getAll());
            assertThat(logged.find()).as("the generated password is printed once").isTrue();
            String password = logged.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(16);
            PasswordEncoder encoder = app.bean(PasswordEncoder.class);
            assertThat(encoder.matches(password, admin.getPasswordHash())).isTrue();
            assertThat(encoder.matches("switchboard", admin.getPasswordHash())).isFalse();
            assertThat(logged.find()).as("printed only once").isFalse();
        }
    }

    /** A new, empty database: on the embedded server, or on the one named by TEST_DATABASE_URL. */
    private static String emptyDatabase(String name) throws SQLException {
        String external = System.getenv("TEST_DATABASE_URL");
        if (external == null || external.isBlank()) {
            return "embedded";
        }
        try (Connection connection = DriverManager.getConnection(external, System.getenv("TEST_DATABASE_USER"),
                System.getenv("TEST_DATABASE_PASSWORD"));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return external.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    }
}
