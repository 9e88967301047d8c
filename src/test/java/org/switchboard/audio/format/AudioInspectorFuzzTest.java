package org.switchboard.audio.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.audio.AudioSamples;

/**
 * The header parsers read untrusted uploads, so they get a corpus of damaged files: every valid sample
 * of {@link AudioSamples} with bits flipped, cut short, and with length fields inflated. A fixed seed
 * makes every run check the same files, so a failure names a file that can be made again. Whatever
 * the bytes, the inspector answers in bounded time and memory, refuses with its own
 * {@link AudioFormatException}, or measures what the file really holds.
 */
class AudioInspectorFuzzTest {

    private static final long SEED = 19;
    private static final int MUTANTS_PER_KIND = 120;
    /** Far above what a parse of these files takes (milliseconds): only a loop or a wild read takes this long. */
    private static final Duration TIME_PER_FILE = Duration.ofSeconds(2);

    /**
     * A valid file and what it holds. {@code timescale} marks the bytes that say how long a unit of
     * the data lasts (a sample rate, a block size, a pre-skip, a timecode scale): a file whose timescale
     * changed honestly lasts another time, so for mutants touching them only safety is checked.
     */
    record Sample(String name, byte[] bytes, long millis, int[][] timescale) {

        boolean touchesTimescale(int from, int to) {
            return Arrays.stream(timescale).anyMatch(r -> from < r[1] && to > r[0]);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Sample> samples() {
        byte[] wavUnknownSize = AudioSamples.wavOfSize(24_000);
        Arrays.fill(wavUnknownSize, 40, 44, (byte) 0xFF);
        return Stream.of(
                // the fmt chunk's channels, sample rate, block align and bits per sample, not its byte rate
                new Sample("wav", AudioSamples.wav(3000), 3000, new int[][] {{22, 28}, {32, 36}}),
                new Sample("wav without data size", wavUnknownSize, 3000, new int[][] {{22, 28}, {32, 36}}),
                new Sample("mp3 after id3", AudioSamples.mp3(115, true), 3004, new int[0][]),
                new Sample("mp3 with info frame", AudioSamples.mp3WithInfo(115, 115), 3004, new int[0][]),
                // OpusHead's pre-skip, at body offset 10 of the first page (27 header bytes, 1 lacing value)
                new Sample("ogg opus", AudioSamples.oggOpus(3000), 3000, new int[][] {{38, 40}}),
                // the identification header's sample rate and block sizes
                new Sample("ogg vorbis", AudioSamples.oggVorbis(3000), 3000, new int[][] {{40, 44}, {56, 57}}),
                // the Info's TimecodeScale element
                new Sample("webm from a recorder", AudioSamples.webm(3000, 0), 3000, new int[][] {{37, 45}}),
                new Sample("webm with duration", AudioSamples.webm(3000, 3000), 3000, new int[][] {{37, 45}}));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theSampleItselfIsMeasuredExactly(Sample sample, @TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("sample"), sample.bytes());
        assertThat(AudioInspector.inspect(file).duration().toMillis()).isEqualTo(sample.millis());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void flippedBitsAreRefusedOrChangeNothingThatPlays(Sample sample, @TempDir Path dir) {
        Random random = new Random(SEED ^ sample.name().hashCode());
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < MUTANTS_PER_KIND * 3; i++) {
            byte[] bytes = sample.bytes().clone();
            // most flips in the headers, where the parser looks; some anywhere
            int bound = random.nextInt(4) == 0 ? bytes.length : Math.min(bytes.length, 160);
            int flips = 1 + random.nextInt(3);
            int first = Integer.MAX_VALUE;
            int last = -1;
            StringBuilder what = new StringBuilder("bits flipped at");
            for (int f = 0; f < flips; f++) {
                int at = random.nextInt(bound);
                int bit = random.nextInt(8);
                bytes[at] ^= (byte) (1 << bit);
                first = Math.min(first, at);
                last = Math.max(last, at);
                what.append(' ').append(at).append('.').append(bit);
            }
            boolean sameTimescale = !touchesAny(sample, bytes);
            check(sample, bytes, what.toString(), dir, millis -> sameTimescale
                    && Math.abs(millis - sample.millis()) > AudioFormatException.TOLERANCE_MILLIS, wrong);
        }
        assertThat(wrong).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void aFileCutShortIsRefusedOrHoldsNoMoreThanBefore(Sample sample, @TempDir Path dir) {
        Random random = new Random(SEED ^ sample.name().hashCode() * 31L);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < MUTANTS_PER_KIND; i++) {
            int length = i < 64 ? i : random.nextInt(sample.bytes().length);
            byte[] bytes = Arrays.copyOf(sample.bytes(), length);
            check(sample, bytes, "cut to " + length + " bytes", dir,
                    millis -> millis > sample.millis() + AudioFormatException.TOLERANCE_MILLIS, wrong);
        }
        assertThat(wrong).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void inflatedLengthFieldsAreRefusedOrChangeNothingThatPlays(Sample sample, @TempDir Path dir) {
        Random random = new Random(SEED ^ sample.name().hashCode() * 17L);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < MUTANTS_PER_KIND * 2; i++) {
            byte[] bytes = sample.bytes().clone();
            int width = new int[] {1, 2, 4, 8}[random.nextInt(4)];
            int at = random.nextInt(Math.min(bytes.length, 160) - width);
            // a length field of any width and byte order at its largest, or its top bits set
            byte fill = random.nextBoolean() ? (byte) 0xFF : (byte) 0x7F;
            if (random.nextBoolean()) {
                Arrays.fill(bytes, at, at + width, fill);
            } else {
                bytes[at] = fill;
            }
            boolean sameTimescale = !sample.touchesTimescale(at, at + width);
            check(sample, bytes, width + " bytes of " + (fill & 0xFF) + " at " + at, dir, millis -> sameTimescale
                    && Math.abs(millis - sample.millis()) > AudioFormatException.TOLERANCE_MILLIS, wrong);
        }
        assertThat(wrong).isEmpty();
    }

    private static boolean touchesAny(Sample sample, byte[] mutant) {
        for (int i = 0; i < mutant.length; i++) {
            if (mutant[i] != sample.bytes()[i] && sample.touchesTimescale(i, i + 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Inspects one mutant; adds a line to {@code wrong} when the inspector throws anything but its own
     * refusal, allocates far more than the file's size, or accepts a duration {@code disagrees} rejects.
     */
    private static void check(Sample sample, byte[] bytes, String mutation, Path dir, Function<Long, Boolean> disagrees,
            List<String> wrong) {
        String name = sample.name() + ", " + mutation;
        Path file;
        try {
            file = Files.write(dir.resolve("mutant"), bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        long[] allocated = new long[1];
        AudioInspector.Probe probe = assertTimeoutPreemptively(TIME_PER_FILE, () -> {
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            try {
                return AudioInspector.inspect(file);
            } catch (AudioFormatException refused) {
                return null;
            } catch (Exception | StackOverflowError | OutOfMemoryError unexpected) {
                wrong.add(name + ": threw " + unexpected);
                return null;
            } finally {
                allocated[0] = threads.getCurrentThreadAllocatedBytes() - before;
            }
        }, name + ": took longer than " + TIME_PER_FILE);
        if (allocated[0] > 1_000_000 + 4L * bytes.length) {
            wrong.add(name + ": allocated " + allocated[0] + " bytes");
        }
        if (probe != null && disagrees.apply(probe.duration().toMillis())) {
            wrong.add(name + ": accepted as " + probe.duration().toMillis() + " ms, the sample holds " + sample.millis());
        }
    }
}
