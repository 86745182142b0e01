package org.engagebot.staff.console;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart drawn on the server as inline SVG (no script, no third-party library: the CSP allows
 * neither). The chart is an image with a title and a text alternative; the same figures are in the table beside it.
 * An optional target draws a dashed line.
 */
final class SvgBars {
    private static final int WIDTH = 560;
    private static final int ROW = 26;
    private static final int LABEL = 190;

    private SvgBars() {
    }

    record Bar(String label, double value) {
    }

    static String draw(String id, String title, List<Bar> bars, Double target) {
        return draw(id, title, bars, target, ConsoleText.EN);
    }

    /** As above, with the chart's own words ("target", "nothing in this period") in the reader's language. */
    static String draw(String id, String title, List<Bar> bars, Double target, ConsoleText t) {
        double max = Math.max(1, bars.stream().mapToDouble(Bar::value).max().orElse(1));
        if (target != null) {
            max = Math.max(max, target);
        }
        int height = Math.max(1, bars.size()) * ROW + 10;
        int span = WIDTH - LABEL - 50;
        StringBuilder alt = new StringBuilder(title).append(": ");
        StringBuilder svg = new StringBuilder();
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 5 + i * ROW;
            int w = (int) Math.round(b.value() / max * span);
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"13\" fill=\"#1b1b1b\">%s</text>",
                    LABEL - 6, y + 16, escape(shorten(b.label()))));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"#0b4f8a\"/>", LABEL, y + 3, w));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"13\" fill=\"#1b1b1b\">%s</text>",
                    LABEL + w + 6, y + 16, number(b.value())));
            alt.append(i == 0 ? "" : "; ").append(b.label()).append(' ').append(number(b.value()));
        }
        if (bars.isEmpty()) {
            alt.append(t.m("chart.nothing"));
        }
        if (target != null) {
            int x = LABEL + (int) Math.round(target / max * span);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\" stroke=\"#a1181e\" stroke-width=\"2\" "
                    + "stroke-dasharray=\"5 4\"/>", x, x, height));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#a1181e\" text-anchor=\"end\">"
                    + "%s</text>", x - 4, height - 2, escape(t.f("chart.target", number(target)))));
            alt.append("; ").append(t.f("chart.target", number(target)));
        }
        return String.format(Locale.ROOT, "<svg class=\"svg-chart\" id=\"%s\" role=\"img\" aria-labelledby=\"%s-t\" viewBox=\"0 0 %d %d\" "
                + "xmlns=\"http://www.w3.org/2000/svg\"><title id=\"%s-t\">%s</title>%s</svg>", id, id, WIDTH, height, id,
                escape(alt.toString()), svg);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String shorten(String s) {
        return s.length() <= 26 ? s : s.substring(0, 25) + "…";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
