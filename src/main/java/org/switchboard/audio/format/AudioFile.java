package org.switchboard.audio.format;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads the few header bytes a duration parser needs and skips the rest, so a file is never loaded
 * whole. Numbers are read as unsigned; a read past the end throws {@link EOFException}.
 */
final class AudioFile implements Closeable {

    private final RandomAccessFile file;
    private final long length;

    AudioFile(Path path) throws IOException {
        this.file = new RandomAccessFile(path.toFile(), "r");
        this.length = file.length();
    }

    long length() {
        return length;
    }

    long position() throws IOException {
        return file.getFilePointer();
    }

    long remaining() throws IOException {
        return length - position();
    }

    void seek(long position) throws IOException {
        if (position > length) {
            throw new EOFException();
        }
        file.seek(position);
    }

    void skip(long bytes) throws IOException {
        seek(position() + bytes);
    }

    int u8() throws IOException {
        int b = file.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    byte[] bytes(int count) throws IOException {
        byte[] bytes = new byte[count];
        file.readFully(bytes);
        return bytes;
    }

    String ascii(int count) throws IOException {
        return new String(bytes(count), StandardCharsets.ISO_8859_1);
    }

    int u16le() throws IOException {
        return u8() | u8() << 8;
    }

    long u32le() throws IOException {
        return (long) u16le() | (long) u16le() << 16;
    }

    long u64le() throws IOException {
        return u32le() | u32le() << 32;
    }

    /** A big-endian unsigned number of {@code size} bytes (at most 8). */
    long uintBe(int size) throws IOException {
        long value = 0;
        for (int i = 0; i < size; i++) {
            value = value << 8 | u8();
        }
        return value;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
