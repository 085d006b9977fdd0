package org.grassroots.crm.reports.internal;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Drawing helpers over one PDF page: text in the standard Helvetica fonts (characters they cannot encode become
 * {@code ?}), fitted to a width, filled rectangles in {@code #rrggbb} colours.
 */
final class ReportPdfCanvas {

    static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final PDPageContentStream content;

    ReportPdfCanvas(PDPageContentStream content) {
        this.content = content;
    }

    PDPageContentStream content() {
        return content;
    }

    void text(String text, PDType1Font font, float size, float x, float y) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(encodable(text, font));
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
        return font.getStringWidth(encodable(text, font)) / 1000f * size;
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

    /** The text with every character the font cannot encode replaced by {@code ?}. */
    static String encodable(String text, PDType1Font font) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = Character.toString(cp);
            try {
                font.encode(ch);
                safe.append(cp < 0x20 ? " " : ch);
            } catch (IOException | IllegalArgumentException unsupported) {
                safe.append('?');
            }
        });
        return safe.toString();
    }
}
