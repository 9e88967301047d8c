package org.switchboard.audio.format;

import java.io.EOFException;
import java.io.IOException;

/**
 * WebM (Matroska with DocType "webm") with Opus audio: the Duration of the segment's Info when the
 * file has one; browsers' MediaRecorder leaves it out (and writes Segment and Cluster with unknown
 * sizes), so otherwise the latest block time, from the clusters' timecodes plus each block's relative
 * timecode, is the duration. Either must agree with the audio the blocks hold, each an Opus packet
 * counted by its TOC byte, and every element must end within the file.
 */
final class WebmDuration {

    private static final long EBML = 0x1A45DFA3L;
    private static final long DOC_TYPE = 0x4282;
    private static final long SEGMENT = 0x18538067L;
    private static final long INFO = 0x1549A966L;
    private static final long TIMECODE_SCALE = 0x2AD7B1;
    private static final long DURATION = 0x4489;
    private static final long CLUSTER = 0x1F43B675L;
    private static final long CLUSTER_TIMECODE = 0xE7;
    private static final long BLOCK_GROUP = 0xA0;
    private static final long BLOCK = 0xA1;
    private static final long SIMPLE_BLOCK = 0xA3;
    private static final long UNKNOWN_SIZE = -1;
    /** Longer than any DocType ("webm", "matroska"): a size beyond it is damage, not a name to read. */
    private static final int MAX_DOC_TYPE = 64;
    /** Block lacing (flags bits 1 and 2): several frames in one block, which MediaRecorder never writes. */
    private static final int LACING = 0x06;

    private WebmDuration() {
    }

    static long millis(AudioFile in) throws IOException, AudioFormatException {
        in.seek(0);
        if (id(in) != EBML) {
            throw new AudioFormatException("audio.format.damaged", "WebM");
        }
        long headerEnd = size(in) + in.position();
        String docType = null;
        while (in.position() < headerEnd) {
            long id = id(in);
            long size = size(in);
            if (id == DOC_TYPE) {
                if (size == UNKNOWN_SIZE || size > MAX_DOC_TYPE) {
                    throw new AudioFormatException("audio.format.damaged", "WebM");
                }
                docType = in.ascii((int) size).trim();
            } else {
                in.skip(size);
            }
        }
        if (!"webm".equals(docType)) {
            throw new AudioFormatException("audio.format.matroska");
        }
        long scale = 1_000_000;
        double duration = 0;
        long clusterTime = 0;
        long latestBlock = -1;
        long samples = 0;
        while (in.remaining() > 0) {
            long id = id(in);
            long size = size(in);
            long end = size == UNKNOWN_SIZE ? -1 : in.position() + size;
            if (id == SEGMENT || id == INFO || id == CLUSTER || id == BLOCK_GROUP) {
                continue; // master elements: read their children in place
            }
            if (size == UNKNOWN_SIZE) {
                throw new AudioFormatException("audio.format.damaged", "WebM");
            }
            if (end > in.length()) {
                throw new EOFException(); // data cut off, or a size that promises more than the file has
            }
            if (id == TIMECODE_SCALE) {
                scale = number(in, size);
            } else if (id == DURATION) {
                if (size != 4 && size != 8) {
                    throw new AudioFormatException("audio.format.damaged", "WebM");
                }
                duration = size == 4 ? Float.intBitsToFloat((int) in.uintBe(4)) : Double.longBitsToDouble(in.uintBe(8));
            } else if (id == CLUSTER_TIMECODE) {
                clusterTime = number(in, size);
            } else if (id == SIMPLE_BLOCK || id == BLOCK) {
                size(in); // track number
                long relative = (short) in.uintBe(2);
                if ((in.u8() & LACING) != 0) {
                    throw new AudioFormatException("audio.format.webm-laced");
                }
                latestBlock = Math.max(latestBlock, clusterTime + relative);
                long packet = end - in.position();
                if (packet > 0) {
                    samples += OpusPacket.samples(in.u8(), packet > 1 ? in.u8() : 0, (int) Math.min(packet, Integer.MAX_VALUE));
                }
            }
            in.seek(end);
        }
        if (latestBlock < 0 || scale == 0) {
            throw new AudioFormatException("audio.format.no-audio", "WebM");
        }
        if (latestBlock > Long.MAX_VALUE / scale || !(duration < Long.MAX_VALUE / scale)) {
            throw new AudioFormatException("audio.format.damaged", "WebM");
        }
        long blockMillis = latestBlock * scale / 1_000_000;
        long heldMillis = samples * 1000 / OpusPacket.RATE;
        long declaredMillis = duration > 0 ? Math.round(duration * scale / 1_000_000) : blockMillis;
        if (duration > 0 && Math.abs(declaredMillis - blockMillis) > AudioFormatException.TOLERANCE_MILLIS
                || Math.abs(declaredMillis - heldMillis) > AudioFormatException.TOLERANCE_MILLIS) {
            throw AudioFormatException.disagreement("WebM", declaredMillis,
                    Math.abs(declaredMillis - blockMillis) > Math.abs(declaredMillis - heldMillis) ? blockMillis : heldMillis);
        }
        return declaredMillis;
    }

    /** An unsigned integer element of {@code size} bytes (at most 8). */
    private static long number(AudioFile in, long size) throws IOException, AudioFormatException {
        if (size > 8) {
            throw new AudioFormatException("audio.format.damaged", "WebM");
        }
        return in.uintBe((int) size);
    }

    /** An element ID, marker bits kept (as the specification writes IDs). */
    private static long id(AudioFile in) throws IOException, AudioFormatException {
        int first = in.u8();
        int length = Integer.numberOfLeadingZeros(first) - 23;
        if (first == 0 || length > 4) {
            throw new AudioFormatException("audio.format.damaged", "WebM");
        }
        long id = first;
        for (int i = 1; i < length; i++) {
            id = id << 8 | in.u8();
        }
        return id;
    }

    /** An element size without its marker bit; {@link #UNKNOWN_SIZE} when all value bits are set. */
    private static long size(AudioFile in) throws IOException, AudioFormatException {
        int first = in.u8();
        int length = Integer.numberOfLeadingZeros(first) - 23;
        if (first == 0) {
            throw new AudioFormatException("audio.format.damaged", "WebM");
        }
        long value = first & (0xFF >> length);
        boolean allOnes = value == (0xFF >> length);
        for (int i = 1; i < length; i++) {
            int next = in.u8();
            allOnes &= next == 0xFF;
            value = value << 8 | next;
        }
        return allOnes ? UNKNOWN_SIZE : value;
    }
}
