package org.engagebot.newsletters.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.node.Node;

/** Writes a GitHub table as text: one line per row, cells joined by " | ", header cells marked. */
final class TableText {

    private TableText() {
    }

    static String lines(Node table, Function<Node, String> cellContent, UnaryOperator<String> header) {
        List<String> lines = new ArrayList<>();
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                List<String> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    String text = cellContent.apply(cell).strip();
                    cells.add(section instanceof TableHead && !text.isEmpty() ? header.apply(text) : text);
                }
                lines.add(String.join(" | ", cells));
            }
        }
        return String.join("\n", lines);
    }
}
