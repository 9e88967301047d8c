package org.switchboard.voice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Chromium instances for web calls, each with its own fake microphone: a WAV file with one tone. The
 * fake capture file applies to a whole browser process, so caller and agent need a browser each.
 *
 * <p>Media stays on loopback: no STUN or TURN server is configured, Chromium gets
 * {@code --allow-loopback-in-peer-connection} (else it offers no 127.0.0.1 candidate) and
 * {@code --disable-features=WebRtcHideLocalIpsWithMdns} (else it hides addresses behind mDNS names,
 * which means multicast lookups), and the app relays only candidates in 127.0.0.0/8 and ::1
 * ({@code switchboard.voice.candidate-networks} in application-test.yml), in candidate messages and in
 * the SDP. Checked once while VoiceCallIT ran (its main test, 99 s): {@code tshark -i any -f "not host
 * 127.0.0.1 and not host ::1 and not port 53"} for the whole run captured not one UDP packet (the media is
 * UDP), only the machine's ARP and neighbour discovery and a few TCP port probes from fd00::2 to itself
 * (connect, then reset) of the machine's other processes; {@code ss -uanp} every second showed Chromium's
 * UDP sockets and no peer outside loopback.
 */
public final class VoiceBrowsers {

    private VoiceBrowsers() {
    }

    /** A browser whose microphone plays a steady tone of {@code hertz}. */
    public static Browser withTone(Playwright playwright, int hertz) {
        Path wav = Path.of("target", "voice-tones", hertz + "hz.wav");
        try {
            Files.createDirectories(wav.getParent());
            Files.write(wav, toneWav(hertz, 48_000, 2));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(List.of(
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-audio-capture=" + wav.toAbsolutePath(), "--autoplay-policy=no-user-gesture-required",
                "--allow-loopback-in-peer-connection", "--disable-features=WebRtcHideLocalIpsWithMdns"));
        String configured = System.getenv("CHROMIUM_PATH");
        Path path = Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
        if (Files.isExecutable(path)) {
            options.setExecutablePath(path);
        }
        return playwright.chromium().launch(options);
    }

    /**
     * 16-bit mono PCM, a sine at -26 dBFS (a speaking voice's level); the browser loops it. Louder tones
     * leak into every bin of the analyser's window (its side lobes lie about 58 dB down), which would
     * hide the silence of the other tones.
     */
    public static byte[] toneWav(int hertz, int sampleRate, int seconds) {
        int samples = sampleRate * seconds;
        ByteBuffer data = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            data.putShort((short) (Math.sin(2 * Math.PI * hertz * i / sampleRate) * 1_600));
        }
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2)
                .putShort((short) 16).put("data".getBytes()).putInt(samples * 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(data.array());
        return out.toByteArray();
    }

    /** A tone this loud (dBFS, in the line's analyser) is heard: the other side's tone arrives at about -30. */
    public static final double HEARD = -50;
    /** Below this (dBFS) a tone is not there: silence and codec noise stay under -90. */
    public static final double SILENT = -75;

    /** How loud (dBFS) the line's speaker, what its user hears, plays {@code hertz}. */
    public static double heard(Page page, String lineTag, double hertz) {
        return ((Number) page.locator(lineTag).evaluate(TONE_LEVEL, hertz)).doubleValue();
    }

    /** Waits until the line hears the tone ({@code present}) or no longer hears it. */
    public static void waitHearing(Page page, String lineTag, double hertz, boolean present) {
        page.waitForFunction("([tag, hertz, present]) => { const el = document.querySelector(tag); if (!el || !el.analyser) return false;"
                + " const level = (" + TONE_LEVEL + ")(el, hertz); return present ? level > $HEARD : level < $SILENT; }".replace("$HEARD", Double.toString(HEARD))
                        .replace("$SILENT", Double.toString(SILENT)), List.of(lineTag, hertz, present), new Page.WaitForFunctionOptions().setTimeout(20_000));
    }

    /**
     * What a line reports about its call, as JSON, for a failure's message: the connection's states, the
     * audio bytes and samples it received and sent, its tracks, gains and speaker, and how loud it hears
     * each of {@code tones}.
     */
    public static String describe(Page page, String lineTag, double... tones) {
        return (String) page.locator(lineTag).evaluate("async (el, tones) => { const level = " + TONE_LEVEL + ";"
                + " const s = { tones: tones.map(t => t + ' Hz ' + (el.analyser ? level(el, t).toFixed(1) : '-')),"
                + " audio: el.audio && el.audio.state, sinkPaused: el.sink ? el.sink.paused : null,"
                + " remoteGain: el.remoteGain && el.remoteGain.gain.value, micGain: el.micGain && el.micGain.gain.value,"
                + " microphone: el.microphone ? el.microphone.getAudioTracks().map(t => t.readyState + (t.muted ? ' muted' : '')"
                + " + (t.enabled ? '' : ' disabled')).join() : null };"
                + " if (!el.pc) { s.pc = null; return JSON.stringify(s); }"
                + " s.pc = el.pc.connectionState + '/' + el.pc.iceConnectionState + '/' + el.pc.signalingState;"
                + " s.receiving = el.pc.getReceivers().map(r => r.track.id.substring(0, 8) + ' ' + r.track.readyState"
                + " + (r.track.muted ? ' muted' : '')).join();"
                + " s.sinkPlays = el.sink && el.sink.srcObject ? el.sink.srcObject.getAudioTracks().map(t => t.id.substring(0, 8)"
                + " + ' ' + t.readyState).join() : null; s.remoteSource = !!el.remoteSource;"
                + " s.sending = el.pc.getSenders().map(t => t.track ? t.track.readyState : 'none').join();"
                + " (await el.pc.getStats()).forEach(r => { if (r.kind === 'audio' && r.type === 'inbound-rtp') {"
                + " s.bytesIn = r.bytesReceived; s.samplesIn = r.totalSamplesReceived; s.concealed = r.concealedSamples; }"
                + " if (r.kind === 'audio' && r.type === 'outbound-rtp') { s.bytesOut = r.bytesSent; } });"
                + " return JSON.stringify(s); }", java.util.Arrays.stream(tones).boxed().toList());
    }

    /** The agent picks a recording of the library on its call and presses {@code button} (Play, or Play and hang up). */
    public static void playRecording(Page agent, String name, String button) {
        agent.locator("#show-recordings").click();
        agent.getByLabel("Search recordings").fill(name);
        agent.waitForFunction("() => document.querySelector('#recording-list').size === 1");
        agent.locator("#recording-list").getByText(name).filter(new com.microsoft.playwright.Locator.FilterOptions().setVisible(true)).click();
        agent.locator(button).click();
    }

    /** Audio bytes received on the line's connection so far. */
    public static long inboundBytes(Page page, String lineTag) {
        return ((Number) page.locator(lineTag).evaluate("el => el.inboundBytes()")).longValue();
    }

    /** A page function (line element, hertz): how loud (dBFS) the line's analyser finds that tone. */
    static final String TONE_LEVEL = "(el, hertz) => { const a = el.analyser; const d = new Float32Array(a.frequencyBinCount);"
            + " a.getFloatFrequencyData(d); const bin = Math.round(hertz / (a.context.sampleRate / a.fftSize)); let peak = -Infinity;"
            + " for (let i = bin - 2; i <= bin + 2; i++) peak = Math.max(peak, d[i]); return Math.max(peak, -200); }";
}
