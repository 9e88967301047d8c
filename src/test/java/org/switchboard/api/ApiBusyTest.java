package org.switchboard.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A request whose transaction still lost lock conflicts after its retries answers 503, to be sent again. */
class ApiBusyTest {

    @RestController
    static class Conflicting {

        @PostMapping("/api/v1/deadlocked")
        void deadlocked() {
            throw new CannotAcquireLockException("Deadlock found when trying to get lock; try restarting transaction");
        }

        @PostMapping("/api/v1/wrapped")
        void wrapped() {
            throw new PessimisticLockingFailureException("Lock wait timeout exceeded");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Conflicting()).setControllerAdvice(new ApiErrors()).build();

    @Test
    void aLostLockConflictAnswersServiceUnavailableWithRetryAfter() throws Exception {
        for (String path : new String[] {"/api/v1/deadlocked", "/api/v1/wrapped"}) {
            mvc.perform(post(path))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "1"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(
                            "Other changes to the same records kept conflicting with this request; nothing was changed. Send it again."));
        }
    }
}
