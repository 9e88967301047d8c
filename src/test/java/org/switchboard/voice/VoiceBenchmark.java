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
 * moment the caller's speaker first plays the agent's tone above {@link VoiceBrowsers#HEARD}, as the ear
 * ({@link #EAR_WORKLET}, 256 samples, 5.3 ms) finds it on the audio thread.
 * <li>(b) Mouth to ear: a 200 ms 1500 Hz burst from an oscillator mixed into one side's outgoing track (where
 * the microphone and the recordings meet), found by the same ear at the other side's speaker after a moment
 * without it; both directions, on all N calls at once.
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

    /**
     * The ear: an AudioWorklet on the line's speaker, so the pages are not woken every few milliseconds
     * to poll an analyser (ten pages doing that competed with the calls' own audio for the CPU). For each
     * 128-sample quantum it takes the last samples of its window, Blackman-windowed as an AnalyserNode
     * would, and a Goertzel filter's level of the tone in the analyser's dB scale; it reports the audio
     * clock of the first quantum where the tone is heard ({@link VoiceBrowsers#HEARD}), after a moment
     * below {@link VoiceBrowsers#SILENT} when asked to. The page turns that audio time into
     * {@code Date.now()} time, so the main thread's own delays do not count.
     */
    private static final String EAR_WORKLET = """
            class ToneEar extends AudioWorkletProcessor {
              constructor() {
                super();
                this.size = 4096;
                this.samples = new Float32Array(this.size);
                this.at = 0;
                this.seen = 0;
                this.task = null;
                this.port.onmessage = e => {
                  const n = e.data.window;
                  this.window = new Float32Array(n);
                  for (let i = 0; i < n; i++) {
                    this.window[i] = 0.42 - 0.5 * Math.cos(2 * Math.PI * i / n) + 0.08 * Math.cos(4 * Math.PI * i / n);
                  }
                  this.quiet = !e.data.afterQuiet;
                  this.task = e.data;
                };
              }
              /** The tone's level over the last n samples, as an AnalyserNode of n samples says it (dB of |X| / n). */
              level(hertz, n) {
                const k = 2 * Math.cos(2 * Math.PI * hertz / sampleRate);
                const first = this.at - n + this.size;
                let s1 = 0, s2 = 0;
                for (let i = 0; i < n; i++) {
                  const s = this.samples[(first + i) % this.size] * this.window[i] + k * s1 - s2;
                  s2 = s1;
                  s1 = s;
                }
                return 10 * Math.log10(Math.max(s1 * s1 + s2 * s2 - k * s1 * s2, 1e-30) / (n * n));
              }
              process(inputs) {
                const input = inputs[0] && inputs[0][0];
                if (input) {
                  for (let i = 0; i < input.length; i++) {
                    this.samples[this.at] = input[i];
                    this.at = (this.at + 1) % this.size;
                  }
                  this.seen += input.length;
                }
                const task = this.task;
                if (task && this.seen >= task.window) {
                  const level = this.level(task.hertz, task.window);
                  if (!this.quiet) {
                    this.quiet = level < task.silent;
                  } else if (level > task.heard) {
                    this.task = null;
                    this.port.postMessage(currentTime + 128 / sampleRate);
                  }
                }
                return true;
              }
            }
            registerProcessor('tone-ear', ToneEar);
            """;

    /**
     * Arms the line's ear for {@code hertz}: {@code window.__heardAt} becomes a promise of the
     * {@code Date.now()} time it is heard (after a moment without it, if {@code afterQuiet}), or -1
     * after {@code timeoutMillis}.
     */
    private static final String ARM_EAR = """
            async (el, [code, hertz, samples, heard, silent, afterQuiet, timeoutMillis]) => {
              const ctx = el.audio;
              if (!el.__ear) {
                await ctx.audioWorklet.addModule(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
                el.__ear = new AudioWorkletNode(ctx, 'tone-ear');
                const mute = ctx.createGain();
                mute.gain.value = 0;
                el.speaker.connect(el.__ear);
                el.__ear.connect(mute).connect(ctx.destination);
              }
              const ear = el.__ear;
              window.__heardAt = new Promise(resolve => {
                const give = setTimeout(() => { ear.port.onmessage = null; resolve(-1); }, timeoutMillis);
                ear.port.onmessage = e => {
                  clearTimeout(give);
                  resolve(Date.now() - (ctx.currentTime - e.data) * 1000);
                };
              });
              ear.port.postMessage({ hertz: hertz, window: samples, heard: heard, silent: silent, afterQuiet: afterQuiet });
            }""";

    /** The app's CSP allows no blob: scripts; the benchmark's own ear is one. */
    private static final com.microsoft.playwright.Browser.NewContextOptions EAR_ALLOWED =
            new com.microsoft.playwright.Browser.NewContextOptions().setBypassCSP(true);

    /**
     * @param window samples the ear listens over: 4,096 (85 ms, as the line's own analyser) to tell the
     *               agent's 880 Hz from the hold music's chord; 256 (5.3 ms) for a burst alone in its band
     */
    private static void armEar(Page page, String lineTag, int hertz, int window, boolean afterQuiet, int timeoutMillis) {
        page.locator(lineTag).evaluate(ARM_EAR, List.of(EAR_WORKLET, (double) hertz, window, VoiceBrowsers.HEARD,
                VoiceBrowsers.SILENT, afterQuiet, timeoutMillis));
    }

    private static long heardAt(Page page) {
        return ((Number) page.evaluate("() => window.__heardAt")).longValue();
    }

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
                Page agent = agentBrowser.newContext(EAR_ALLOWED).newPage();
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
                Page caller = callerBrowser.newContext(EAR_ALLOWED).newPage();
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
                armEar(caller, "sb-caller-line", AGENT_TONE, 4096, false, 120_000);
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
            for (int a = 0; a < CALLS; a++) {
                long heardAt = heardAt(callers.get(callerOfAgent.get(a)));
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
                    + " agents who did not hear their caller within 20 s: %d%n", CALLS, summary(firstAudio), deaf);

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
                        armEar(ear, earTag, BURST_TONE, 256, true, 5_000);
                    }
                    sleep(300); // the ears first hear a moment without the burst
                    long[] spokenAt = new long[CALLS];
                    for (int a = 0; a < CALLS; a++) {
                        spokenAt[a] = ((Number) mouths.get(a).locator(mouthTag).evaluate(MOUTH,
                                (double) BURST_TONE)).longValue();
                    }
                    for (int a = 0; a < CALLS; a++) {
                        long heardAt = heardAt(ears.get(a));
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
