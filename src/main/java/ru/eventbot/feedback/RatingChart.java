package ru.eventbot.feedback;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.stereotype.Component;

/**
 * An event's rating histogram as a small PNG (JFreeChart): one bar per star, its count above it. The title and
 * words go in the photo's caption, in the reader's language; the picture carries only digits and stars.
 */
@Component
public class RatingChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 360;
    private static final Color BAR = new Color(0x2F, 0x6F, 0xDE);

    private final FeedbackService feedback;

    RatingChart(FeedbackService feedback) {
        this.feedback = feedback;
    }

    public byte[] png(long eventId) {
        var dataset = new DefaultCategoryDataset();
        feedback.summary(eventId).histogram().forEach((stars, count) -> dataset.addValue(count, "ratings",
                stars + " ★"));
        var chart = ChartFactory.createBarChart(null, null, null, dataset, PlotOrientation.VERTICAL, false, false,
                false);
        chart.setBackgroundPaint(Color.WHITE);
        var plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        var counts = (NumberAxis) plot.getRangeAxis();
        counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        counts.setUpperMargin(0.15);
        plot.getDomainAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        var bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, BAR);
        bars.setMaximumBarWidth(0.12);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        bars.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        bars.setDefaultItemLabelsVisible(true);
        var out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not draw the rating chart of event " + eventId, e);
        }
        return out.toByteArray();
    }
}
