package org.switchboard.voice;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.switchboard.Browsers;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardApplication;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;

/**
 * Web-call benchmark (issue 16), on the whole app with the embedded MariaDB and real Chromium. Run:
 * {@code mvn -Pbenchmark verify -Dbenchmark=org.switchboard.voice.VoiceBenchmark} ({@code CALLS=4 mvn ...}
 * for fewer calls, {@code BURSTS} for the tone bursts per call and direction).
 * <p>
 * N callers (one Chromium, microphone 440 Hz, a context each) call one queue with N ready agents (another
 * Chromium, 880 Hz, a context each); all N wait, then the agents accept one after the other without waiting
 * for audio, so N calls connect at once. Media stays on loopback as in the ITs ({@link VoiceBrowsers}).
 * Every time stamp is {@code Date.now()} in a page or {@code System.currentTimeMillis()}: one machine, one clock.
 * <ul>
 * <li>(a) Accept to first audio: from the click on Accept (a capturing listener in the agent's page) to the
 * moment the caller's analyser (the line's own, 4096 samples, about 85 ms at 48 kHz) first finds the agent's
 * tone above {@link VoiceBrowsers#HEARD}, polled every few ms in the caller's page. (Ears on the audio thread,
 * AudioWorklets, were tried: twenty more real-time audio threads loaded the two cores far more than the polls.)
 * <li>(b) Mouth to ear: a 200 ms 1500 Hz burst from an oscillator mixed into one side's outgoing track (where
 * the microphone and the recordings meet), detected at the other side's speaker by an analyser of 256 samples
 * (5 ms), so the window adds next to nothing; both directions, on all N calls at once.
 * <li>(c) Server: live heap after GC with N agents' dashboards open and N callers' pages open but no call,
 * then with the N calls connected; the server's CPU time (the JVM's, less the threads that drive Playwright)
 * to place, offer and connect the N calls, and per second while the N calls just talk.
 * </ul>
 */
public final class VoiceBenchmark {

    private static final int CALLS = setting("CALLS", 10);
    private static final int BURSTS = setting("BURSTS", 10);
    private static final int CALLER_TONE = 440;
    private static final int AGENT_TONE = 880;
    private static final int BURST_TONE = 1500;

    /** Records, in a caller's page, when its line first hears the agent's tone. */
    private static final String FIRST_AUDIO = "(el, hertz) => { window.__firstAudioAt = null; const level = " + VoiceBrowsers.TONE_LEVEL
            + "; const poll = setInterval(() => { if (el.analyser && level(el, hertz) > " + VoiceBrowsers.HEARD
            + ") { window.__firstAudioAt = Date.now(); clearInterval(poll); } }, 2); }";

    /** Records when the line's speaker next plays the burst, after a moment without it; -1 after 5 s. */
    private static final String ARM_EAR = """
            (el, [hertz, heard, silent]) => {
              if (!el.__burstEar) {
                const a = el.analyser.context.createAnalyser();
                a.fftSize = 256;
                a.smoothingTimeConstant = 0;
                el.speaker.connect(a);
                el.__burstEar = a;
              }
              const a = el.__burstEar;
              const d = new Float32Array(a.frequencyBinCount);
              const bin = Math.round(hertz / (a.context.sampleRate / a.fftSize));
              let quiet = false;
              window.__burstHeard = new Promise(resolve => {
                const poll = setInterval(() => {
                  a.getFloatFrequencyData(d);
                  let peak = -200;
                  for (let i = bin - 1; i <= bin + 1; i++) peak = Math.max(peak, d[i]);
                  if (!quiet) { quiet = peak < silent; return; }
                  if (peak > heard) { clearInterval(poll); resolve(Date.now()); }
                }, 1);
                setTimeout(() => { clearInterval(poll); resolve(-1); }, 5000);
              });
            }""";

    /** Plays a 200 ms burst into the line's outgoing audio; returns when it started. */
    private static final String MOUTH = """
            (el, hertz) => {
              const ctx = el.analyser.context;
              const tone = ctx.createOscillator();
              tone.frequency.value = hertz;
              const gain = ctx.createGain();
              gain.gain.value = 0.05;
              tone.connect(gain);
              gain.connect(el.outgoing);
              const at = Date.now();
              tone.start();
              tone.stop(ctx.currentTime + 0.2);
              return at;
            }""";

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SwitchboardApplication.class,
                RoutingFixture.class).profiles("test")
                .run("--switchboard.demo=false", "--server.port=0", "--logging.level.root=warn",
                        "--switchboard.dispatch.async=true", "--switchboard.dispatch.sweep-enabled=true",
                        "--switchboard.embedded-db.data-dir=target/benchmark-mariadb",
                        "--vaadin.devmode.devTools.enabled=false", "--vaadin.devmode.liveReload.enabled=false",
                        "--vaadin.devmode.componentTracker.enabled=false")) {
            SystemUser.run(() -> run(app));
        } catch (RuntimeException e) {
            // Playwright's and the app's threads would keep a failed run alive: it ends, and says so.
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext app) {
        String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        RoutingFixture fixture = app.getBean(RoutingFixture.class);
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 0);
        List<UserSummary> agentUsers = fixture.readyAgents(CALLS, queue);
        System.out.printf("Voice benchmark: %d calls in queue %s, %d cores%n", CALLS, queue.name(),
                Runtime.getRuntime().availableProcessors());

        ServerCpu cpu = new ServerCpu();
        Set<Long> before = cpu.threadIds();
        // Debian's Chromium, as the *IT use: Playwright must not try to download its own
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser callerBrowser = VoiceBrowsers.withTone(playwright, CALLER_TONE);
            Browser agentBrowser = VoiceBrowsers.withTone(playwright, AGENT_TONE);
            // Playwright's own threads (and this one) drive the browsers: not the server's work.
            cpu.exclude(before);

            List<Page> agents = new ArrayList<>();
            for (UserSummary user : agentUsers) {
                Page agent = agentBrowser.newContext().newPage();
                agent.setDefaultTimeout(60_000);
                Browsers.signIn(agent, base, user.username(), "password1");
                agent.navigate(base + "/dashboard");
                agent.locator("sb-softphone").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                        .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
                agents.add(agent);
            }
            List<Page> callers = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                Page caller = callerBrowser.newContext().newPage();
                caller.setDefaultTimeout(60_000);
                caller.navigate(base + "/call/" + QueueInfo.slugOf(queue.name()));
                caller.locator("#call-name input").waitFor();
                callers.add(caller);
                names.add("Caller-" + (char) ('A' + i));
            }
            sleep(15_000);
            long heapIdle = liveHeap();
            long cpuIdleStart = cpu.serverNanos();
            sleep(20_000);
            double cpuIdlePerSecond = (cpu.serverNanos() - cpuIdleStart) / 20.0;

            long cpuCallsStart = cpu.serverNanos();
            for (int i = 0; i < CALLS; i++) {
                Page caller = callers.get(i);
                caller.locator("#call-name input").fill(names.get(i));
                caller.locator("#call-start").click();
            }
            for (Page caller : callers) {
                caller.waitForFunction("() => (document.querySelector('#call-status')?.textContent || '').includes('Waiting')");
                caller.locator("sb-caller-line").evaluate(FIRST_AUDIO, (double) AGENT_TONE);
            }
            // Every agent is offered one call; the panel names the caller, which pairs the pages.
            Map<Integer, Integer> callerOfAgent = new HashMap<>();
            for (int a = 0; a < CALLS; a++) {
                Page agent = agents.get(a);
                agent.locator("#accept").waitFor();
                String panel = agent.locator("#accept").locator("xpath=..").innerText();
                for (int i = 0; i < CALLS; i++) {
                    if (panel.contains(names.get(i))) {
                        callerOfAgent.put(a, i);
                    }
                }
                if (!callerOfAgent.containsKey(a)) {
                    throw new IllegalStateException("No caller's name in the offer: " + panel);
                }
            }
            for (Page agent : agents) {
                // On the document, not the button: a repaint may put a new Accept button in place of the one seen here.
                agent.evaluate("() => document.addEventListener('click', e => { if (!window.__acceptAt"
                        + " && e.composedPath().some(n => n.id === 'accept')) window.__acceptAt = Date.now(); }, {capture: true})");
            }
            for (Page agent : agents) {
                agent.locator("#accept").click();
            }
            List<Long> firstAudio = new ArrayList<>();
            int unheard = 0;
            for (int a = 0; a < CALLS; a++) {
                Page caller = callers.get(callerOfAgent.get(a));
                try {
                    caller.waitForFunction("() => window.__firstAudioAt !== null");
                } catch (com.microsoft.playwright.PlaywrightException e) {
                    // Counted and described like a deaf agent below; the run goes on.
                    unheard++;
                    System.out.println("Caller of agent " + a + " does not hear its agent after 60 s.\n  caller: "
                            + VoiceBrowsers.describe(caller, "sb-caller-line", CALLER_TONE, AGENT_TONE) + "\n  agent:  "
                            + VoiceBrowsers.describe(agents.get(a), "sb-softphone", CALLER_TONE, AGENT_TONE));
                    continue;
                }
                long heardAt = ((Number) caller.evaluate("() => window.__firstAudioAt")).longValue();
                long acceptAt = ((Number) agents.get(a).evaluate("() => window.__acceptAt")).longValue();
                firstAudio.add(heardAt - acceptAt);
            }
            // A call whose agent does not hear its caller is counted and described, and the run goes on:
            // its bursts towards the agent then count as not heard.
            int deaf = 0;
            for (int a = 0; a < CALLS; a++) {
                try {
                    VoiceBrowsers.waitHearing(agents.get(a), "sb-softphone", CALLER_TONE, true);
                } catch (com.microsoft.playwright.PlaywrightException e) {
                    deaf++;
                    System.out.println("Agent " + a + " does not hear its caller after 20 s.\n  agent:  "
                            + VoiceBrowsers.describe(agents.get(a), "sb-softphone", CALLER_TONE, AGENT_TONE) + "\n  caller: "
                            + VoiceBrowsers.describe(callers.get(callerOfAgent.get(a)), "sb-caller-line", CALLER_TONE, AGENT_TONE));
                }
            }
            double cpuPerCallSetup = (cpu.serverNanos() - cpuCallsStart) / 1e6 / CALLS;
            System.out.printf("(a) Accept -> first audio heard at the caller, %d calls accepted back to back: %s;"
                    + " callers who did not hear their agent within 60 s: %d; agents who did not hear their caller"
                    + " within 20 s: %d%n", CALLS, summary(firstAudio), unheard, deaf);

            sleep(10_000);
            long cpuTalkStart = cpu.serverNanos();
            sleep(20_000);
            double cpuTalkPerSecond = (cpu.serverNanos() - cpuTalkStart) / 20.0;
            long heapCalls = liveHeap();
            System.out.printf("(c) live heap after GC: %.1f MB with pages open and no call, %.1f MB with %d calls: %.0f KB per call%n",
                    heapIdle / 1e6, heapCalls / 1e6, CALLS, (heapCalls - heapIdle) / 1024.0 / CALLS);
            System.out.printf("(c) server CPU: %.0f ms per call to place, offer, accept and connect it (signalling);"
                    + " while talking %.2f ms/s per call (%.1f ms/s in all with %d calls, %.1f ms/s with none)%n",
                    cpuPerCallSetup, (cpuTalkPerSecond - cpuIdlePerSecond) / 1e6 / CALLS, cpuTalkPerSecond / 1e6, CALLS,
                    cpuIdlePerSecond / 1e6);

            // (b) every round: a burst on each call, agent -> caller then caller -> agent
            List<Long> toCaller = new ArrayList<>();
            List<Long> toAgent = new ArrayList<>();
            int missed = 0;
            for (int round = 0; round < BURSTS; round++) {
                for (boolean fromAgent : new boolean[] {true, false}) {
                    List<Page> mouths = new ArrayList<>();
                    List<Page> ears = new ArrayList<>();
                    for (int a = 0; a < CALLS; a++) {
                        Page caller = callers.get(callerOfAgent.get(a));
                        mouths.add(fromAgent ? agents.get(a) : caller);
                        ears.add(fromAgent ? caller : agents.get(a));
                    }
                    String earTag = fromAgent ? "sb-caller-line" : "sb-softphone";
                    String mouthTag = fromAgent ? "sb-softphone" : "sb-caller-line";
                    for (Page ear : ears) {
                        ear.locator(earTag).evaluate(ARM_EAR,
                                List.of((double) BURST_TONE, VoiceBrowsers.HEARD, VoiceBrowsers.SILENT));
                    }
                    sleep(300); // the ears first hear a moment without the burst
                    long[] spokenAt = new long[CALLS];
                    for (int a = 0; a < CALLS; a++) {
                        spokenAt[a] = ((Number) mouths.get(a).locator(mouthTag).evaluate(MOUTH,
                                (double) BURST_TONE)).longValue();
                    }
                    for (int a = 0; a < CALLS; a++) {
                        long heardAt = ((Number) ears.get(a).evaluate("() => window.__burstHeard")).longValue();
                        if (heardAt < 0) {
                            missed++;
                        } else {
                            (fromAgent ? toCaller : toAgent).add(heardAt - spokenAt[a]);
                        }
                    }
                    sleep(500);
                }
            }
            List<Long> both = new ArrayList<>(toCaller);
            both.addAll(toAgent);
            System.out.printf("(b) mouth -> ear, %d calls x %d bursts each way: agent -> caller %s; caller -> agent %s; both %s;"
                    + " %d bursts not heard%n", CALLS, BURSTS, summary(toCaller), summary(toAgent), summary(both), missed);

            for (Page agent : agents) {
                agent.locator("#end-call").click();
            }
            for (Page caller : callers) {
                caller.waitForFunction("() => (document.querySelector('#call-status')?.textContent || '').includes('ended')");
            }
        }
    }

    /** CPU time of the JVM less the threads that drive the browsers (Playwright's, and main's). */
    private static final class ServerCpu {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final Set<Long> excluded = new HashSet<>(Set.of(Thread.currentThread().threadId()));

        Set<Long> threadIds() {
            return new HashSet<>(Arrays.stream(threads.getAllThreadIds()).boxed().toList());
        }

        void exclude(Set<Long> before) {
            Set<Long> now = threadIds();
            now.removeAll(before);
            excluded.addAll(now);
        }

        long serverNanos() {
            long driving = excluded.stream().mapToLong(id -> Math.max(0, threads.getThreadCpuTime(id))).sum();
            return os.getProcessCpuTime() - driving;
        }
    }

    private static String summary(List<Long> millis) {
        if (millis.isEmpty()) {
            return "none";
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return String.format("n=%d p50=%d ms p95=%d ms max=%d ms", sorted.size(), percentile(sorted, 50), percentile(sorted, 95),
                sorted.getLast());
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static int setting(String name, int otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.trim());
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            sleep(500);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
