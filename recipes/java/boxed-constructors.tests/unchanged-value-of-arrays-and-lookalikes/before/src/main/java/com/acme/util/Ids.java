package com.acme.util;

import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicInteger;

/* Migrated: new Integer(x) became Integer.valueOf(x) in 2023. */
public final class Ids {
    private static final AtomicInteger NEXT = new AtomicInteger(0);
    private static final Integer[] RESERVED = new Integer[] {Integer.valueOf(0), Integer.valueOf(1)};
    private static final BigInteger BIG = new BigInteger("18446744073709551616");
    private static final Object LEGACY = new java.lang.Integer(7);
    private static final String DOC = "new Long(x) is deprecated";

    public static Integer next() {
        return Integer.valueOf(NEXT.incrementAndGet() + new Integer[4].length);
    }
}
