package com.acme.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class Histogram {
    private final Map<String, Long> counts = new HashMap<String, Long>();
    private final List<Short> buckets = new ArrayList<Short>();

    public void add(String key) {
        Long old = counts.get(key);
        counts.put(key, old == null ? Long.valueOf(1) : Long.valueOf(old.longValue() + 1));
    }

    public void bucket(int width) {
        for (int i = 0; i < 10; i++) {
            buckets.add(Short.valueOf((short) (i * width)));
        }
    }

    public Object[] row(String key, byte flags, float ratio) {
        return new Object[] {key, Byte.valueOf(flags), Float.valueOf(ratio), Integer.valueOf(
            key.length())};
    }
}
