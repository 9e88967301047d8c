package org.switchboard.voice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every 10 s on every node, with the other timers ({@code switchboard.dispatch.sweep-enabled}): ends the
 * web calls whose agent closed its dashboard, through {@link VoiceService}'s public entry point, as the
 * tests do.
 */
@Component
class VoiceSweep {

    private static final Logger log = LoggerFactory.getLogger(VoiceSweep.class);

    private final VoiceService voice;
    private final boolean enabled;

    VoiceSweep(VoiceService voice, @Value("${switchboard.dispatch.sweep-enabled:true}") boolean enabled) {
        this.voice = voice;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelay = 10_000, initialDelay = 10_000)
    void sweep() {
        if (enabled) {
            try {
                int ended = voice.endCallsOfSilentAgents();
                if (ended > 0) {
                    log.info("Ended {} web call(s) whose agent's dashboard was closed", ended);
                }
            } catch (RuntimeException e) {
                log.warn("Ending the web calls of disconnected agents failed; the next sweep retries", e);
            }
        }
    }
}
