package org.poseanalytics.web.analysis;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.postgresql.jdbc.PgConnection;

/** PostgreSQL arrays to and from primitive Java arrays (pgjdbc hands them out boxed). */
final class SqlArrays {
    private SqlArrays() {}

    static long[] longs(ResultSet rs, String column) throws SQLException {
        Object[] a = boxed(rs, column);
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) out[i] = ((Number) a[i]).longValue();
        return out;
    }

    static double[] doubles(ResultSet rs, String column) throws SQLException {
        Object[] a = boxed(rs, column);
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i] == null ? Double.NaN : ((Number) a[i]).doubleValue();
        return out;
    }

    static float[] floats(ResultSet rs, String column) throws SQLException {
        Object[] a = boxed(rs, column);
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i] == null ? Float.NaN : ((Number) a[i]).floatValue();
        return out;
    }

    static String[] strings(ResultSet rs, String column) throws SQLException {
        Object[] a = boxed(rs, column);
        String[] out = new String[a.length];
        for (int i = 0; i < a.length; i++) out[i] = (String) a[i];
        return out;
    }

    private static Object[] boxed(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) return new Object[0];
        try {
            return (Object[]) array.getArray();
        } finally {
            array.free();
        }
    }

    /** Primitive arrays go out in pgjdbc's binary array encoding (no text formatting of 18,000 numbers). */
    static Array of(Connection c, String type, Object primitiveArray) throws SQLException {
        return c.unwrap(PgConnection.class).createArrayOf(type, primitiveArray);
    }

    static int[] ints(long[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) out[i] = Math.toIntExact(values[i]);
        return out;
    }
}
