package org.poseanalytics.web.analysis;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows streamed into one table by {@code COPY … FROM STDIN (FORMAT binary)} (PostgreSQL's binary copy format, through
 * pgjdbc's CopyManager), for the tables that hold the large series and an hour's figures. Measured faster than batched
 * inserts with bound parameters for an hour's results (docs/BENCHMARKS.md, "Long videos, flat memory"), and the series
 * go out as they are encoded, through one reused buffer, instead of each becoming a byte array first.
 *
 * <p>Each field is its type's binary send format: big-endian integers, arrays with their header, bytea as it is. The
 * series inside a bytea keep the stored layout of {@link FloatArrays} (little-endian float32), so rows written by
 * COPY and by the inserts before it are the same bytes. Runs on the caller's connection and transaction; an error
 * cancels the copy, and the transaction fails with it.
 */
final class BinaryCopy implements AutoCloseable {
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final int INT4_OID = 23, FLOAT8_OID = 701;

    private final CopyIn copy;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16); // big-endian, as the format is

    private BinaryCopy(CopyIn copy) throws SQLException {
        this.copy = copy;
        buffer.put(HEADER);
    }

    /** Starts {@code COPY table (columns) FROM STDIN (FORMAT binary)}; {@code into} is a table and column list from code. */
    static BinaryCopy into(Connection c, String into) throws SQLException {
        return new BinaryCopy(c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + into + " from stdin (format binary)"));
    }

    /** Starts a row of {@code fields} fields; each field is then written in column order. */
    BinaryCopy row(int fields) throws SQLException {
        room(2);
        buffer.putShort((short) fields);
        return this;
    }

    BinaryCopy int4(int v) throws SQLException {
        room(8);
        buffer.putInt(4).putInt(v);
        return this;
    }

    BinaryCopy int8(long v) throws SQLException {
        room(12);
        buffer.putInt(8).putLong(v);
        return this;
    }

    /** An {@code int4}, or null. */
    BinaryCopy int4(Integer v) throws SQLException {
        return v == null ? nullField() : int4(v.intValue());
    }

    /** A {@code float8}; NaN stays NaN. */
    BinaryCopy float8(double v) throws SQLException {
        room(12);
        buffer.putInt(8).putDouble(v);
        return this;
    }

    BinaryCopy nullField() throws SQLException {
        room(4);
        buffer.putInt(-1);
        return this;
    }

    BinaryCopy text(String s) throws SQLException {
        return s == null ? nullField() : bytea(s.getBytes(StandardCharsets.UTF_8));
    }

    BinaryCopy bytea(byte[] b) throws SQLException {
        if (b == null) return nullField();
        room(4);
        buffer.putInt(b.length);
        bytes(b, 0, b.length);
        return this;
    }

    /** An {@code int4[]} of the values (frame numbers), one dimension, no nulls. */
    BinaryCopy int4Array(long[] values) throws SQLException {
        arrayHeader(values.length, INT4_OID, 4);
        for (long v : values) {
            room(8);
            buffer.putInt(4).putInt(Math.toIntExact(v));
        }
        return this;
    }

    /** A {@code float8[]} of the values (times in seconds), one dimension; NaN stays NaN, as the bound arrays sent it. */
    BinaryCopy float8Array(double[] values) throws SQLException {
        arrayHeader(values.length, FLOAT8_OID, 8);
        for (double v : values) {
            room(12);
            buffer.putInt(8).putDouble(v);
        }
        return this;
    }

    /** A bytea of {@code n} float32 values in the stored layout (little-endian): the first values of {@code values}. */
    BinaryCopy float32(float[] values, int n) throws SQLException {
        floats(n);
        for (int i = 0; i < n; i++) f32(values[i]);
        return this;
    }

    /** A bytea of the values as float32 in the stored layout, as the angle columns store them. */
    BinaryCopy float32(double[] values) throws SQLException {
        floats(values.length);
        for (double v : values) f32((float) v);
        return this;
    }

    /** Starts a bytea of {@code n} float32 values, each then given by {@link #f32} (for layouts of several arrays). */
    BinaryCopy floats(int n) throws SQLException {
        room(4);
        buffer.putInt(Math.multiplyExact(n, Float.BYTES));
        return this;
    }

    /** One value of the bytea started by {@link #floats}: float32, little-endian, its bits as they are (NaN included). */
    void f32(float v) throws SQLException {
        room(4);
        buffer.putInt(Integer.reverseBytes(Float.floatToRawIntBits(v)));
    }

    /**
     * Values {@code from} to {@code to} of {@code values} in the bytea started by {@link #floats}, as {@link #f32} would
     * write them one by one (little-endian, bits as they are), copied in bulk: the bulk of an hour is the tracks' floats.
     */
    void f32(float[] values, int from, int to) throws SQLException {
        while (from < to) {
            room(Float.BYTES);
            int k = Math.min(to - from, buffer.remaining() / Float.BYTES);
            buffer.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values, from, k);
            buffer.position(buffer.position() + k * Float.BYTES);
            from += k;
        }
    }

    /** Ends the copy; answers the rows PostgreSQL took. */
    long finish() throws SQLException {
        room(2);
        buffer.putShort((short) -1);
        flush();
        return copy.endCopy();
    }

    /** Cancels a copy that was not finished (an error on the way), so the connection can roll back. */
    @Override
    public void close() throws SQLException {
        if (copy.isActive()) copy.cancelCopy();
    }

    /** Length, dimensions, no-nulls flag, element type, then the one dimension's size and lower bound (none when empty). */
    private void arrayHeader(int n, int elementOid, int elementSize) throws SQLException {
        room(24);
        if (n == 0) buffer.putInt(12).putInt(0).putInt(0).putInt(elementOid);
        else buffer.putInt(20 + n * (4 + elementSize)).putInt(1).putInt(0).putInt(elementOid).putInt(n).putInt(1);
    }

    private void bytes(byte[] b, int off, int len) throws SQLException {
        while (len > 0) {
            if (!buffer.hasRemaining()) flush();
            int k = Math.min(len, buffer.remaining());
            buffer.put(b, off, k);
            off += k;
            len -= k;
        }
    }

    private void room(int bytes) throws SQLException {
        if (buffer.remaining() < bytes) flush();
    }

    private void flush() throws SQLException {
        copy.writeToCopy(buffer.array(), 0, buffer.position());
        buffer.clear();
    }
}
