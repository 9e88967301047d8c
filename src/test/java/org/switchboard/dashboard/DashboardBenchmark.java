package org.switchboard.dashboard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardApplication;
import org.switchboard.agent.AgentStatusService;
import org.switchboard.agent.GlobalAction;
import org.switchboard.agent.PauseReasonService;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.NewContact;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;

/**
 * Agent dashboard benchmark (issue 4), on the whole app with the embedded MariaDB, its dashboards open
 * over HTTP with WebSocket push in real Chromium pages and in stand-ins that speak the same protocol. Run:
 * {@code mvn -Pbenchmark verify -Dbenchmark=org.switchboard.dashboard.DashboardBenchmark}.
 * <p>
 * N agents share one call queue, paused so that no call is offered and the queue's figures are the
 * only thing that changes. Each agent signs in and opens its dashboard: {@code PAGES} of them in
 * their own Chromium page (its own session: every page uses another loopback address, 127.0.0.x, so
 * cookies never mix), the others through {@link DashboardPushClient}, which holds a dashboard open
 * over the same HTTP and push WebSocket protocol without rendering it. On a real site every agent's
 * browser renders on its own machine; here 200 Chromium pages would take the server's two cores
 * after every change and measure the benchmark's own browsers ({@code PAGES=200} shows it).
 * <p>
 * Prints (a) live heap after GC with N dashboards open minus with none, per dashboard (and per
 * Chromium and per stand-in dashboard), and (b) for calls arriving one by one, the time from the
 * committed change to the moment each Chromium page's "Calls waiting" figure shows it (the DOM change,
 * recorded in the page by a MutationObserver) and to the moment each stand-in received it; server,
 * browsers and stand-ins share one clock.
 */
public final class DashboardBenchmark {

    /** The forked JVM sees the environment, not Maven's -D properties: {@code DASHBOARDS=20 mvn ...} for a quick run. */
    private static final int DASHBOARDS = setting("DASHBOARDS", 200);
    private static final int CHANGES = setting("CHANGES", 20);
    /** How many of the dashboards are real Chromium pages. */
    private static final int PAGES = Math.min(DASHBOARDS, setting("PAGES", 20));
    private static final int BROWSERS = 2;

    /** Records when the first card's first figure ("Calls waiting") first shows each value. */
    private static final String RECORDER = """
            window.__sbSeen = {};
            (() => {
              let last = null;
              new MutationObserver(() => {
                const figure = document.querySelector('#queue-cards .queue-card dl dd');
                const value = figure && figure.textContent;
                if (value != null && value !== last) {
                  last = value;
                  if (!(value in window.__sbSeen)) window.__sbSeen[value] = Date.now();
                }
              }).observe(document, {subtree: true, childList: true, characterData: true});
            })();""";

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SwitchboardApplication.class,
                RoutingFixture.class).profiles("test")
                .run("--switchboard.demo=false", "--server.port=0", "--logging.level.root=warn",
                        "--switchboard.dispatch.async=true", "--switchboard.dispatch.sweep-enabled=true",
                        "--switchboard.embedded-db.data-dir=target/benchmark-mariadb",
                        // no dev tools: their own connection per page is not part of the product
                        "--vaadin.devmode.devTools.enabled=false", "--vaadin.devmode.liveReload.enabled=false",
                        // nor the dev mode's record of where each component was made (off in production mode)
                        "--vaadin.devmode.componentTracker.enabled=false")) {
            SystemUser.run(() -> run(app));
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext app) {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        RoutingFixture fixture = app.getBean(RoutingFixture.class);
        AgentStatusService agents = app.getBean(AgentStatusService.class);
        ContactService contacts = app.getBean(ContactService.class);
        DashboardFeed feed = app.getBean(DashboardFeed.class);
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 30);
        List<UserSummary> people = fixture.readyAgents(DASHBOARDS, queue);
        long reason = app.getBean(PauseReasonService.class).create(RoutingFixture.unique("Benchmark")).id();
        people.forEach(agent -> agents.setGlobal(agent.id(), GlobalAction.PAUSE, reason));
        System.out.printf("Dashboard benchmark: %d agents paused in queue %s, %d cores, port %d%n", DASHBOARDS,
                queue.name(), Runtime.getRuntime().availableProcessors(), port);

        try (Clients clients = Clients.start(port)) {
            long liveBefore = liveHeap();
            // The first dashboard of each browser also warms up what every later one shares (classes, caches).
            long started = System.nanoTime();
            clients.open("open", people.subList(0, BROWSERS), 0);
            long liveWarm = liveHeap();
            clients.open("open", people.subList(BROWSERS, PAGES), BROWSERS);
            // The sign-in pages' UIs close, and the connections the pages loaded with idle out (10 s
            // keep-alive): what stays is what an open dashboard holds.
            sleep(15_000);
            long livePages = liveHeap();
            clients.open("connect", people.subList(PAGES, DASHBOARDS), PAGES);
            System.out.printf("%d dashboards open in %.0f s (%d Chromium pages, %d stand-ins); %d subscribed to the feed%n",
                    DASHBOARDS, (System.nanoTime() - started) / 1e9, PAGES, DASHBOARDS - PAGES, feed.subscriberCount());
            sleep(15_000);
            long liveAfter = liveHeap();
            System.out.printf("(a) live heap after GC: %.1f MB with 0 dashboards, %.1f MB with %d: %.0f KB per dashboard "
                    + "(after the first %d: %s per Chromium page's, %s per stand-in's)%n", liveBefore / 1e6,
                    liveAfter / 1e6, DASHBOARDS, (liveAfter - liveBefore) / 1024.0 / DASHBOARDS, BROWSERS,
                    perDashboard(livePages - liveWarm, PAGES - BROWSERS), perDashboard(liveAfter - livePages, DASHBOARDS - PAGES));

            // (b) A call arrives every 2 s; every dashboard should show the new "Calls waiting" figure.
            List<Long> changedAt = new ArrayList<>();
            for (int k = 1; k <= CHANGES; k++) {
                changedAt.add(System.currentTimeMillis());
                contacts.create(new NewContact(queue.name(), ContactType.INBOUND_CALL, Channel.VOICE, "Caller " + k, null));
                sleep(2_000);
            }
            // The server's share of (b): the app's own timer, from the committed change to the repaint
            // leaving in the push (what real agents' browsers then apply on their own machines).
            var serverSide = feed.changeShownTimer().takeSnapshot();
            Map<String, List<Map<String, Long>>> seen = clients.seen();
            // The server's share: after a change every open dashboard reloads its model on the two refresh threads.
            DashboardService dashboards = app.getBean(DashboardService.class);
            ExecutorService refresh = Executors.newFixedThreadPool(2);
            long reloadStarted = System.nanoTime();
            List<Future<?>> loads = people.stream().map(agent -> refresh.submit(() -> SystemUser.run(
                    () -> dashboards.load(agent.id())))).collect(java.util.stream.Collectors.toList());
            loads.forEach(DashboardBenchmark::get);
            System.out.printf("(c) server reload of all %d dashboards' data on 2 threads: %d ms%n", DASHBOARDS,
                    (System.nanoTime() - reloadStarted) / 1_000_000);
            refresh.shutdown();
            System.out.printf("(b) change -> shown in the Chromium page, %d pages x %d changes: %s%n", PAGES, CHANGES,
                    latencies(seen.get("page"), changedAt));
            if (PAGES < DASHBOARDS) {
                System.out.printf("(b) change -> arrived at the stand-in, %d stand-ins x %d changes: %s%n",
                        DASHBOARDS - PAGES, CHANGES, latencies(seen.get("push"), changedAt));
            }
            StringBuilder percentiles = new StringBuilder();
            for (var value : serverSide.percentileValues()) {
                percentiles.append(String.format(" p%.0f=%.0f ms", value.percentile() * 100, value.value(TimeUnit.MILLISECONDS)));
            }
            System.out.printf("(d) change -> repaint pushed by the server (timer switchboard.dashboard.change.shown, last 2 min):"
                    + " n=%d%s max=%.0f ms%n", serverSide.count(), percentiles, serverSide.max(TimeUnit.MILLISECONDS));
        }
    }

    /**
     * The browsers and the stand-in dashboards run in a child JVM, so that their objects stay out of the
     * heap measured here. It takes commands on its standard input and answers on its standard output.
     * On a real site each agent's browser has its own machine; here 200 pages share the server's two
     * cores, and must not hold up the server whose pushes they measure. So they run with the least
     * CPU share: in a cgroup with the lowest weight where the machine has a writable cgroup v1 cpu
     * controller (Chromium resets its processes' nice values), else at nice 19. Their own work
     * still counts in (b): a page shows a change only once its renderer has run.
     */
    private record Clients(Process process, PrintWriter commands, BufferedReader answers) implements AutoCloseable {

        static Clients start(int port) {
            try {
                List<String> command = new ArrayList<>();
                if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
                    command.addAll(List.of("/usr/bin/nice", "-n", "19"));
                }
                command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx1g",
                        "-cp", System.getProperty("java.class.path"), Clients.class.getName(), Integer.toString(port)));
                Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                System.out.println("Browsers: " + lowestCpuShare(process.pid()));
                // Only now, confined, does the child launch Chromium (its processes inherit the cgroup).
                process.getOutputStream().write("launch\n".getBytes());
                process.getOutputStream().flush();
                return new Clients(process, new PrintWriter(process.getOutputStream(), true),
                        new BufferedReader(new InputStreamReader(process.getInputStream())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static final Path CPU_CGROUP = Path.of("/sys/fs/cgroup/cpu");

        private static String lowestCpuShare(long pid) {
            try {
                Path group = CPU_CGROUP.resolve("switchboard-benchmark-browsers");
                Files.createDirectories(group);
                Files.writeString(group.resolve("cpu.shares"), "2");
                Files.writeString(group.resolve("cgroup.procs"), Long.toString(pid));
                return "cgroup " + group + " with cpu.shares 2 (the server's processes: 1024)";
            } catch (IOException | UnsupportedOperationException e) {
                return "nice 19 (no writable cgroup v1 cpu controller: " + e.getMessage() + ")";
            }
        }

        /**
         * Signs in each agent and opens its dashboard: "open" in a Chromium page (page {@code i} of the run
         * uses loopback address number i), "connect" through a stand-in.
         */
        void open(String how, List<UserSummary> agents, int firstIndex) {
            if (agents.isEmpty()) {
                return;
            }
            StringBuilder command = new StringBuilder(how);
            for (int i = 0; i < agents.size(); i++) {
                command.append(' ').append(firstIndex + i).append(':').append(agents.get(i).username());
            }
            commands.println(command);
            expect("opened");
        }

        /**
         * For the Chromium pages ("page") and the stand-ins ("push"), per dashboard: the value of "Calls
         * waiting" -> when the dashboard first showed it.
         */
        Map<String, List<Map<String, Long>>> seen() {
            commands.println("seen");
            Map<String, List<Map<String, Long>>> dashboards = new java.util.HashMap<>(
                    Map.of("page", new ArrayList<>(), "push", new ArrayList<>()));
            for (String line = answer(); !line.equals("end"); line = answer()) {
                String[] kindAndValues = line.split(" ", -1);
                Map<String, Long> seen = new java.util.HashMap<>();
                for (String entry : kindAndValues[1].isBlank() ? new String[0] : kindAndValues[1].split(",")) {
                    String[] valueAndTime = entry.split("=");
                    seen.put(valueAndTime[0], Long.parseLong(valueAndTime[1]));
                }
                dashboards.get(kindAndValues[0]).add(seen);
            }
            return dashboards;
        }

        private void expect(String expected) {
            String line = answer();
            if (!expected.equals(line)) {
                throw new IllegalStateException("The browsers answered " + line);
            }
        }

        private String answer() {
            try {
                String line = answers.readLine();
                if (line == null) {
                    throw new IllegalStateException("The browsers' JVM ended");
                }
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            commands.println("quit");
            try {
                process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroy();
        }

        /** The child JVM: {@value #BROWSERS} Chromiums, each with its share of the pages, and the stand-ins. */
        public static void main(String[] args) throws IOException {
            int port = Integer.parseInt(args[0]);
            StandIns standIns = new StandIns("http://127.0.0.1:" + port);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
            if (!"launch".equals(in.readLine())) {
                return;
            }
            ExecutorService threads = Executors.newFixedThreadPool(BROWSERS);
            List<BrowserPages> browsers = new ArrayList<>();
            for (int b = 0; b < BROWSERS; b++) {
                browsers.add(get(threads.submit(BrowserPages::launch)));
            }
            PrintStream out = System.out;
            System.setOut(System.err); // only answers on the parent's pipe
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                if (line.startsWith("open")) {
                    String[] pages = line.substring(4).trim().split(" ");
                    List<Future<Void>> opening = new ArrayList<>();
                    for (int b = 0; b < browsers.size(); b++) {
                        BrowserPages browser = browsers.get(b);
                        List<String> mine = new ArrayList<>();
                        for (int i = b; i < pages.length; i += browsers.size()) {
                            mine.add(pages[i]);
                        }
                        opening.add(threads.submit(() -> browser.open(port, mine)));
                    }
                    opening.forEach(DashboardBenchmark::get);
                    out.println("opened");
                } else if (line.startsWith("connect")) {
                    standIns.open(line.substring(7).trim().split(" "));
                    out.println("opened");
                } else if (line.equals("seen")) {
                    for (BrowserPages browser : browsers) {
                        for (Map<String, Object> seen : get(threads.submit(browser::seen))) {
                            out.println("page " + String.join(",", seen.entrySet().stream()
                                    .map(e -> e.getKey() + "=" + ((Number) e.getValue()).longValue()).toList()));
                        }
                    }
                    for (Map<String, Long> seen : standIns.seen()) {
                        out.println("push " + String.join(",", seen.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue()).toList()));
                    }
                    out.println("end");
                }
                out.flush();
            }
            standIns.close();
            for (BrowserPages browser : browsers) {
                get(threads.submit(browser::close));
            }
            threads.shutdown();
            System.exit(0);
        }
    }

    /** The stand-in dashboards, opened a few at a time, with the heartbeat Vaadin's client sends (every 5 min). */
    private static final class StandIns {

        private final String base;
        private final java.net.http.HttpClient http = DashboardPushClient.httpClient();
        private final List<DashboardPushClient> dashboards = Collections.synchronizedList(new ArrayList<>());
        private final java.util.concurrent.ScheduledExecutorService heartbeats =
                Executors.newSingleThreadScheduledExecutor();

        StandIns(String base) {
            this.base = base;
            heartbeats.scheduleAtFixedRate(() -> List.copyOf(dashboards).forEach(DashboardPushClient::heartbeat),
                    5, 5, TimeUnit.MINUTES);
        }

        /** @param toOpen "index:username" of each dashboard to open */
        void open(String[] toOpen) {
            ExecutorService opening = Executors.newFixedThreadPool(4);
            List<Future<DashboardPushClient>> opened = java.util.Arrays.stream(toOpen)
                    .map(indexAndUser -> indexAndUser.substring(indexAndUser.indexOf(':') + 1))
                    .map(username -> opening.submit(() -> DashboardPushClient.open(http, base, username, "password1")))
                    .toList();
            opened.forEach(dashboard -> dashboards.add(get(dashboard)));
            opening.shutdown();
        }

        List<Map<String, Long>> seen() {
            return List.copyOf(dashboards).stream().map(DashboardPushClient::seen).toList();
        }

        void close() {
            heartbeats.shutdownNow();
            List.copyOf(dashboards).forEach(DashboardPushClient::close);
        }
    }

    /**
     * One Chromium with its share of the dashboards. Playwright is not thread-safe: each browser is
     * used by one task at a time, and the futures order those tasks.
     */
    private record BrowserPages(Playwright playwright, BrowserContext context, List<Page> pages) {

        static BrowserPages launch() {
            // Debian's Chromium, as the *IT use: Playwright must not try to download its own
            Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run",
                            // many pages share a few renderer processes, or 200 of them would not fit
                            "--renderer-process-limit=4", "--disable-site-isolation-trials",
                            "--disable-renderer-backgrounding", "--disable-background-timer-throttling"));
            String configured = System.getenv("CHROMIUM_PATH");
            Path path = Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
            if (Files.isExecutable(path)) {
                options.setExecutablePath(path);
            }
            Browser browser = playwright.chromium().launch(options);
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
            context.addInitScript(RECORDER);
            context.setDefaultTimeout(120_000);
            return new BrowserPages(playwright, context, new ArrayList<>());
        }

        /** @param pages "index:username" of each page to open */
        Void open(int port, List<String> toOpen) {
            for (String indexAndUser : toOpen) {
                int i = Integer.parseInt(indexAndUser.substring(0, indexAndUser.indexOf(':')));
                String username = indexAndUser.substring(indexAndUser.indexOf(':') + 1);
                Page page = context.newPage();
                String base = "http://127.0." + (i / 250) + "." + (2 + i % 250) + ":" + port;
                page.navigate(base + "/dashboard");
                page.getByLabel("Username").fill(username);
                page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("password1");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
                page.waitForURL(url -> !url.contains("/login"));
                if (!page.url().endsWith("/dashboard")) {
                    page.navigate(base + "/dashboard");
                }
                page.waitForFunction("() => '0' in window.__sbSeen");
                pages.add(page);
            }
            return null;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> seen() {
            return pages.stream().map(p -> (Map<String, Object>) p.evaluate("() => window.__sbSeen")).toList();
        }

        Void close() {
            playwright.close();
            return null;
        }
    }

    /** The latency of each change to each dashboard: when it first showed the k-th call waiting. */
    private static String latencies(List<Map<String, Long>> seen, List<Long> changedAt) {
        List<Long> latencies = new ArrayList<>();
        int missed = 0;
        for (Map<String, Long> dashboard : seen) {
            for (int k = 1; k <= changedAt.size(); k++) {
                Long at = dashboard.get(Integer.toString(k));
                if (at == null) {
                    missed++;
                } else {
                    latencies.add(at - changedAt.get(k - 1));
                }
            }
        }
        if (latencies.isEmpty()) {
            return "none shown, " + missed + " missed";
        }
        Collections.sort(latencies);
        return String.format("n=%d not shown=%d p50=%d ms p90=%d ms p99=%d ms max=%d ms", latencies.size(), missed,
                percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99), latencies.getLast());
    }

    private static String perDashboard(long bytes, int dashboards) {
        return dashboards <= 0 ? "-" : String.format("%.0f KB", bytes / 1024.0 / dashboards);
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

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
