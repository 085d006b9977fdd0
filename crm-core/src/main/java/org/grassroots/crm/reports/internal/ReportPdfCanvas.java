package org.grassroots.crm.reports.internal;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Drawing helpers over one PDF page: text in the standard Helvetica fonts, with symbols they lack (the ★ of a focus
 * state) taken from the standard ZapfDingbats and any other character they cannot encode shown as {@code ?}; text
 * fitted to a width; filled rectangles in {@code #rrggbb} colours.
 */
final class ReportPdfCanvas {

    static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final PDType1Font SYMBOLS = new PDType1Font(Standard14Fonts.FontName.ZAPF_DINGBATS);

    private final PDPageContentStream content;

    ReportPdfCanvas(PDPageContentStream content) {
        this.content = content;
    }

    PDPageContentStream content() {
        return content;
    }

    void text(String text, PDType1Font font, float size, float x, float y) throws IOException {
        content.beginText();
        content.newLineAtOffset(x, y);
        for (Run run : runs(text, font)) {
            content.setFont(run.font(), size);
            content.showText(run.text());
        }
        content.endText();
    }

    /** Text ending at {@code right}. */
    void textRight(String text, PDType1Font font, float size, float right, float y) throws IOException {
        text(text, font, size, right - width(text, font, size), y);
    }

    /** Text cut with an ellipsis so it fits {@code maxWidth}. */
    void textFitted(String text, PDType1Font font, float size, float x, float y, float maxWidth) throws IOException {
        text(fit(text, font, size, maxWidth), font, size, x, y);
    }

    static String fit(String text, PDType1Font font, float size, float maxWidth) throws IOException {
        String safe = encodable(text, font);
        if (width(safe, font, size) <= maxWidth) {
            return safe;
        }
        String cut = safe;
        while (!cut.isEmpty() && width(cut + "...", font, size) > maxWidth) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "...";
    }

    /** Words on up to {@code maxLines} lines of {@code maxWidth}; the last line cut with an ellipsis if need be. */
    static java.util.List<String> wrap(String text, PDType1Font font, float size, float maxWidth, int maxLines)
            throws IOException {
        java.util.List<String> lines = new java.util.ArrayList<>();
        String line = "";
        String[] words = encodable(text, font).split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String candidate = line.isEmpty() ? words[i] : line + " " + words[i];
            if (line.isEmpty() || width(candidate, font, size) <= maxWidth) {
                line = candidate;
                continue;
            }
            if (lines.size() == maxLines - 1) {
                line = line + " " + String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length));
                break;
            }
            lines.add(fit(line, font, size, maxWidth));
            line = words[i];
        }
        lines.add(fit(line, font, size, maxWidth));
        return lines;
    }

    static float width(String text, PDType1Font font, float size) throws IOException {
        float width = 0;
        for (Run run : runs(text, font)) {
            width += run.font().getStringWidth(run.text());
        }
        return width / 1000f * size;
    }

    void fill(String hex, float x, float y, float width, float height) throws IOException {
        colour(hex);
        content.addRect(x, y, width, height);
        content.fill();
    }

    void colour(String hex) throws IOException {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        content.setNonStrokingColor(((rgb >> 16) & 0xff) / 255f, ((rgb >> 8) & 0xff) / 255f, (rgb & 0xff) / 255f);
    }

    void strokeColour(String hex) throws IOException {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        content.setStrokingColor(((rgb >> 16) & 0xff) / 255f, ((rgb >> 8) & 0xff) / 255f, (rgb & 0xff) / 255f);
    }

    /** Diagonal hatching inside a rectangle, for a masked value. */
    void hatch(float x, float y, float width, float height) throws IOException {
        content.saveGraphicsState();
        content.addRect(x, y, width, height);
        content.clip();
        strokeColour("#8c8c8c");
        content.setLineWidth(0.6f);
        for (float offset = -height; offset < width; offset += 5) {
            content.moveTo(x + offset, y);
            content.lineTo(x + offset + height, y + height);
        }
        content.stroke();
        content.restoreGraphicsState();
    }

    /** The text with every character neither the font nor the symbol font can encode replaced by {@code ?}. */
    static String encodable(String text, PDType1Font font) {
        StringBuilder safe = new StringBuilder(text.length());
        runs(text, font).forEach(run -> safe.append(run.text()));
        return safe.toString();
    }

    /** A stretch of text drawn in one font. */
    private record Run(PDType1Font font, String text) {
    }

    /** The text cut into stretches of the font and of the symbol font, unencodable characters as {@code ?}. */
    private static java.util.List<Run> runs(String text, PDType1Font font) {
        java.util.List<Run> runs = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        PDType1Font[] currentFont = {font};
        text.codePoints().forEach(cp -> {
            String ch = cp < 0x20 ? " " : Character.toString(cp);
            PDType1Font chosen = canEncode(font, ch) ? font : canEncode(SYMBOLS, ch) ? SYMBOLS : font;
            if (chosen != currentFont[0] && !current.isEmpty()) {
                runs.add(new Run(currentFont[0], current.toString()));
                current.setLength(0);
            }
            currentFont[0] = chosen;
            current.append(chosen == font && !canEncode(font, ch) ? "?" : ch);
        });
        if (!current.isEmpty()) {
            runs.add(new Run(currentFont[0], current.toString()));
        }
        return runs;
    }

    private static boolean canEncode(PDType1Font font, String ch) {
        try {
            font.encode(ch);
            return true;
        } catch (IOException | IllegalArgumentException unsupported) {
            return false;
        }
    }
}
