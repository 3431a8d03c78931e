package org.ogcr.benchmarks;

import java.util.List;
import java.util.Locale;

/** A line chart in SVG: one line per series over the same x labels, linear or log y axis. */
final class Chart {

  private Chart() {}

  /** A named line; NaN marks a point not measured. */
  record Series(String name, String color, double[] values) {}

  private static final int W = 680;
  private static final int H = 340;
  private static final int LEFT = 110;
  private static final int RIGHT = 190;
  private static final int TOP = 40;
  private static final int BOTTOM = 290;

  static String lines(
      String title, String unit, List<String> xLabels, List<Series> series, boolean logY) {
    double max = 1e-9;
    double min = Double.MAX_VALUE;
    for (Series s : series) {
      for (double v : s.values()) {
        if (!Double.isNaN(v) && v > 0) {
          max = Math.max(max, v);
          min = Math.min(min, v);
        }
      }
    }
    double lo = logY ? Math.floor(Math.log10(Math.min(min, max))) : 0;
    double hi = logY ? Math.ceil(Math.log10(max)) : niceCeiling(max);
    if (hi <= lo) {
      hi = lo + 1;
    }
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">\n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
                + "<text x=\"10\" y=\"18\" font-size=\"14\">%s</text>\n",
            W,
            H,
            escape(title)));
    int ticks = logY ? (int) (hi - lo) : 5;
    for (int t = 0; t <= ticks; t++) {
      double value = logY ? Math.pow(10, lo + t) : hi * t / ticks;
      double y = BOTTOM - (BOTTOM - TOP) * (double) t / ticks;
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                  + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
              LEFT,
              y,
              W - RIGHT,
              y,
              LEFT - 6,
              y + 4,
              Report.fmt(value)));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\">%s</text>\n",
            (TOP + BOTTOM) / 2 + 40,
            (TOP + BOTTOM) / 2 + 40,
            escape(unit)));
    int n = xLabels.size();
    for (int i = 0; i < n; i++) {
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
              x(i, n),
              BOTTOM + 18,
              escape(xLabels.get(i))));
    }
    int legend = TOP;
    for (Series s : series) {
      if (java.util.Arrays.stream(s.values()).allMatch(Double::isNaN)) {
        continue; // not measured in this run
      }
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < s.values().length; i++) {
        double v = s.values()[i];
        if (Double.isNaN(v) || (logY && v <= 0)) {
          continue;
        }
        double f = logY ? (Math.log10(v) - lo) / (hi - lo) : v / hi;
        double y = BOTTOM - (BOTTOM - TOP) * f;
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, n), y));
        b.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n",
                x(i, n),
                y,
                s.color()));
      }
      b.append(
          String.format(
              Locale.ROOT,
              "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n"
                  + "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                  + "<text x=\"%d\" y=\"%d\">%s</text>\n",
              points.toString().trim(),
              s.color(),
              W - RIGHT + 14,
              legend,
              s.color(),
              W - RIGHT + 32,
              legend + 10,
              escape(s.name())));
      legend += 20;
    }
    return b.append("</svg>\n").toString();
  }

  private static double x(int i, int n) {
    return n == 1 ? (LEFT + W - RIGHT) / 2.0 : LEFT + 30 + (W - RIGHT - LEFT - 60) * i / (n - 1.0);
  }

  private static double niceCeiling(double v) {
    double step = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * step >= v) {
        return m * step;
      }
    }
    return 10 * step;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
