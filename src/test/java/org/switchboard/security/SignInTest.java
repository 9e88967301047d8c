package org.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.switchboard.MutableClock;
import org.switchboard.SwitchboardTest;

/** Sign-in through the real security filter chain (form login, throttling, disabled users) and under parallel guesses. */
@SwitchboardTest
class SignInTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserService users;
    @Autowired
    MutableClock clock;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    LoginThrottle throttle;
    MockMvc mvc;
    String username;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        username = "s" + UUID.randomUUID().toString().substring(0, 8);
        SystemUser.run(() -> users.create(new UserForm(username, "Sign In Tester", "right-password", Set.of(Role.AGENT), null)));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anonymousRequestForAViewLandsOnTheLoginPage() throws Exception {
        mvc.perform(get("/dashboard")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void rightPasswordSignsInAndWrongPasswordIsRefused() throws Exception {
        signIn("wrong-password").andExpect(redirectedUrl("/login?error"));
        signIn("right-password").andExpect(redirectedUrl("/"));
    }

    @Test
    void fiveFailuresWithinFiveMinutesLockTheUserForAWhile() throws Exception {
        for (int i = 0; i < 5; i++) {
            signIn("wrong-" + i).andExpect(redirectedUrl("/login?error"));
            clock.advance(Duration.ofSeconds(30));
        }
        MvcResult refused = signIn("right-password").andExpect(redirectedUrl("/login?error")).andReturn();
        Object failure = refused.getRequest().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        assertThat(failure).isInstanceOf(LockedException.class);
        assertThat(((LockedException) failure).getMessage()).contains("Too many failed sign-ins").contains("minutes");

        // Other users are not affected by this user's lock.
        signInAs("agent2", "switchboard").andExpect(redirectedUrl("/"));

        clock.advance(Duration.ofMinutes(6));
        signIn("right-password").andExpect(redirectedUrl("/"));
    }

    @Test
    void thirtyParallelWrongPasswordsGetNoMoreThanFivePasswordChecks() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return encoder.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                checks.incrementAndGet();
                return encoder.matches(raw, encoded);
            }
        };
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(accounts);
        dao.setPasswordEncoder(counting);
        ThrottlingAuthenticationProvider provider = new ThrottlingAuthenticationProvider(dao, throttle);

        int attempts = 30;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Class<?>>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(attempts)) {
            for (int i = 0; i < attempts; i++) {
                String guess = "guess-" + i;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, guess));
                        return Authentication.class;
                    } catch (AuthenticationException e) {
                        return e.getClass();
                    }
                }));
            }
            start.countDown();
            Map<Class<?>, Integer> counts = new HashMap<>();
            for (Future<Class<?>> outcome : outcomes) {
                counts.merge(outcome.get(1, TimeUnit.MINUTES), 1, Integer::sum);
            }
            assertThat(checks.get()).isEqualTo(5);
            assertThat(counts).containsOnly(Map.entry(BadCredentialsException.class, 5), Map.entry(SignInLocked.class, 25));
        }
        assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, "right-password")))
                .isInstanceOf(LockedException.class);
        assertThat(checks.get()).isEqualTo(5);
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotLock() throws Exception {
        for (int i = 0; i < 5; i++) {
            signIn("wrong-" + i).andExpect(redirectedUrl("/login?error"));
            clock.advance(Duration.ofMinutes(2));
        }
        signIn("right-password").andExpect(redirectedUrl("/"));
    }

    @Test
    void aDisabledUserCannotSignInAndLosesItsOpenSession() throws Exception {
        MockHttpSession session = (MockHttpSession) signIn("right-password").andExpect(redirectedUrl("/"))
                .andReturn().getRequest().getSession();
        assertThat(session.getAttribute("SPRING_SECURITY_CONTEXT")).isNotNull();
        mvc.perform(get("/actuator/health").session(session)).andExpect(status().isOk());

        SystemUser.run(() -> {
            UserSummary user = users.findByUsername(username).orElseThrow();
            users.setEnabled(user.id(), user.version(), false);
        });

        mvc.perform(get("/actuator/health").session(session)).andExpect(redirectedUrl("/login?disabled"));
        assertThat(session.isInvalid()).isTrue();
        signIn("right-password").andExpect(redirectedUrl("/login?error"));
    }

    private org.springframework.test.web.servlet.ResultActions signIn(String password) throws Exception {
        return signInAs(username, password);
    }

    private org.springframework.test.web.servlet.ResultActions signInAs(String user, String password) throws Exception {
        return mvc.perform(post("/login").param("username", user).param("password", password).with(csrf()));
    }
}
