package org.grassroots.crm.reports;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The US tile-grid cartogram: every state and DC an equal square in rows and columns that keep neighbours roughly
 * next to each other (the layout newsrooms use). The screen draws it as a CSS grid and the PDF with rectangles, from
 * the same positions (see docs/adr/0011-state-map-tile-grid.md).
 */
public final class StateTileGrid {

    /** A state's square: zero-based row and column. */
    public record Tile(String state, int row, int column) {
    }

    public static final int ROWS = 8;
    public static final int COLUMNS = 11;

    private static final String[] LAYOUT = {
        "AK..................ME",
        "..................VTNH",
        "WAIDMTNDMNILWIMINYRIMA",
        "ORNVWYSDIAINOHPANJCT",
        "CAUTCONEMOKYWVVAMDDE",
        "..AZNMKSARTNNCSCDC",
        "......OKLAMSALGA",
        "HI....TX........FL",
    };

    private static final List<Tile> TILES = parse();
    private static final Map<String, Tile> BY_STATE = TILES.stream()
            .collect(Collectors.toMap(Tile::state, Function.identity()));

    private StateTileGrid() {
    }

    /** The 51 tiles, row by row. */
    public static List<Tile> tiles() {
        return TILES;
    }

    public static Optional<Tile> tile(String state) {
        return Optional.ofNullable(BY_STATE.get(state));
    }

    private static List<Tile> parse() {
        java.util.ArrayList<Tile> tiles = new java.util.ArrayList<>();
        for (int row = 0; row < LAYOUT.length; row++) {
            String line = LAYOUT[row];
            for (int column = 0; 2 * column < line.length(); column++) {
                String code = line.substring(2 * column, 2 * column + 2);
                if (!code.equals("..")) {
                    tiles.add(new Tile(code, row, column));
                }
            }
        }
        return List.copyOf(tiles);
    }
}
