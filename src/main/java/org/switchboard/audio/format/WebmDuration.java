package org.switchboard.audio.format;

import java.io.IOException;

/**
 * WebM (Matroska with DocType "webm"): the Duration of the segment's Info when the file has one;
 * browsers' MediaRecorder leaves it out (and writes Segment and Cluster with unknown sizes), so
 * otherwise the latest block time, from the clusters' timecodes plus each block's relative
 * timecode, is the duration. A declared Duration must agree with the blocks present.
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

    private WebmDuration() {
    }

    static long millis(AudioFile in) throws IOException, AudioFormatException {
        in.seek(0);
        if (id(in) != EBML) {
            throw new AudioFormatException("The WebM file is damaged.");
        }
        long headerEnd = size(in) + in.position();
        String docType = null;
        while (in.position() < headerEnd) {
            long id = id(in);
            long size = size(in);
            if (id == DOC_TYPE) {
                docType = in.ascii((int) size).trim();
            } else {
                in.skip(size);
            }
        }
        if (!"webm".equals(docType)) {
            throw new AudioFormatException("The file is a Matroska file, not WebM.");
        }
        long scale = 1_000_000;
        double duration = 0;
        long clusterTime = 0;
        long latestBlock = -1;
        while (in.remaining() > 0) {
            long id = id(in);
            long size = size(in);
            long end = size == UNKNOWN_SIZE ? -1 : in.position() + size;
            if (id == SEGMENT || id == INFO || id == CLUSTER || id == BLOCK_GROUP) {
                continue; // master elements: read their children in place
            }
            if (size == UNKNOWN_SIZE) {
                throw new AudioFormatException("The WebM file is damaged.");
            }
            if (id == TIMECODE_SCALE) {
                scale = in.uintBe((int) size);
            } else if (id == DURATION) {
                duration = size == 4 ? Float.intBitsToFloat((int) in.uintBe(4)) : Double.longBitsToDouble(in.uintBe(8));
            } else if (id == CLUSTER_TIMECODE) {
                clusterTime = in.uintBe((int) size);
            } else if (id == SIMPLE_BLOCK || id == BLOCK) {
                size(in); // track number
                long relative = (short) in.uintBe(2);
                latestBlock = Math.max(latestBlock, clusterTime + relative);
            }
            in.seek(Math.min(end, in.length()));
        }
        if (latestBlock < 0) {
            throw new AudioFormatException("The WebM file contains no audio.");
        }
        long heldMillis = latestBlock * scale / 1_000_000;
        if (duration > 0) {
            long declaredMillis = Math.round(duration * scale / 1_000_000);
            if (Math.abs(declaredMillis - heldMillis) > AudioFormatException.TOLERANCE_MILLIS) {
                throw AudioFormatException.disagreement("WebM", declaredMillis, heldMillis);
            }
            return declaredMillis;
        }
        return heldMillis;
    }

    /** An element ID, marker bits kept (as the specification writes IDs). */
    private static long id(AudioFile in) throws IOException, AudioFormatException {
        int first = in.u8();
        int length = Integer.numberOfLeadingZeros(first) - 23;
        if (first == 0 || length > 4) {
            throw new AudioFormatException("The WebM file is damaged.");
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
            throw new AudioFormatException("The WebM file is damaged.");
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
