package com.acme.pricing;

import java.util.Map;

/**
 * Parses price lists. Written for Java 6, hence new Integer(...) everywhere.
 */
public final class PriceParser {
    private static final Long NO_LIMIT = new Long(-1L);
    private static final String HINT = "use Integer.valueOf, not new Integer(x)";

    public Integer quantity(String text) {
        return new Integer(Integer.parseInt(text.trim()));
    }

    public Double gross(double net, Map<String, Double> rates, String country) {
        // new Double(...) boxes the result; VAT defaults to 20 %.
        return new Double(net * (1 + rates.getOrDefault(country, 0.2)));
    }

    public Boolean isFree(String code) {
        return new Boolean(code.startsWith("FREE"));
    }

    public Character currencySymbol(String currency) {
        char c = "EUR".equals(currency) ? '\u20ac' : '$';
        return new Character(c);
    }
}
