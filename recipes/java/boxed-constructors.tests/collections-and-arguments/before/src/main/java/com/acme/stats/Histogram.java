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
        counts.put(key, old == null ? new Long(1) : new Long(old.longValue() + 1));
    }

    public void bucket(int width) {
        for (int i = 0; i < 10; i++) {
            buckets.add(new Short((short) (i * width)));
        }
    }

    public Object[] row(String key, byte flags, float ratio) {
        return new Object[] {key, new Byte(flags), new Float(ratio), new Integer(
            key.length())};
    }
}
