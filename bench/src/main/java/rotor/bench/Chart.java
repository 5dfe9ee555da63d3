package rotor.bench;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Two panels, throughput and p99 latency against concurrency, one line per system, drawn with
 * Java2D: a picture to glance at beside the table, not a charting library.
 */
final class Chart {

    private static final int PANEL_WIDTH = 520;
    private static final int HEIGHT = 400;
    private static final int MARGIN = 60;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b)};

    private Chart() {
    }

    static void write(Report report, List<Integer> concurrency, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(2 * PANEL_WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        panel(g, 0, "refreshes/s", report, concurrency, r -> r.window().perSecond());
        panel(g, PANEL_WIDTH, "p99 latency (ms)", report, concurrency, r -> r.window().percentileMillis(0.99));
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static void panel(Graphics2D g, int left, String title, Report report, List<Integer> concurrency,
                              ToDoubleFunction<Report.Row> value) {
        int x0 = left + MARGIN;
        int x1 = left + PANEL_WIDTH - 20;
        int y0 = HEIGHT - MARGIN;
        int y1 = 40;
        double max = report.rows().stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).max().orElse(1);
        max = niceCeiling(max);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.BLACK);
        g.drawString(title + " against clients", x0, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i <= 5; i++) { // value grid
            int y = y0 - (y0 - y1) * i / 5;
            g.setColor(new Color(0xdddddd));
            g.drawLine(x0, y, x1, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(Report.format("%,.0f", max * i / 5), left + 4, y + 4);
        }
        for (int i = 0; i < concurrency.size(); i++) { // the levels, evenly spaced
            g.drawString(Integer.toString(concurrency.get(i)), xAt(i, concurrency.size(), x0, x1) - 4, y0 + 16);
        }
        g.drawString("clients", (x0 + x1) / 2 - 16, y0 + 34);
        int series = 0;
        for (String system : report.systems()) {
            Color color = COLORS[series % COLORS.length];
            g.setColor(color);
            g.setStroke(new BasicStroke(2f));
            int prevX = -1;
            int prevY = -1;
            for (int i = 0; i < concurrency.size(); i++) {
                int clients = concurrency.get(i);
                double v = report.rows().stream().filter(r -> r.system().equals(system) && r.clients() == clients)
                        .mapToDouble(value).findFirst().orElse(Double.NaN);
                if (Double.isNaN(v)) {
                    continue;
                }
                int x = xAt(i, concurrency.size(), x0, x1);
                int y = (int) Math.round(y0 - (y0 - y1) * v / max);
                g.fillOval(x - 4, y - 4, 8, 8);
                if (prevX >= 0) {
                    g.drawLine(prevX, prevY, x, y);
                }
                prevX = x;
                prevY = y;
            }
            g.drawString(system, x0 + 10, y1 + 14 + 14 * series);
            series++;
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawLine(x0, y0, x1, y0);
        g.drawLine(x0, y0, x0, y1);
    }

    private static int xAt(int index, int count, int x0, int x1) {
        return count == 1 ? (x0 + x1) / 2 : x0 + 30 + (x1 - x0 - 60) * index / (count - 1);
    }

    /** 1, 2 or 5 times a power of ten, at or above the value: round grid labels. */
    private static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[]{1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
