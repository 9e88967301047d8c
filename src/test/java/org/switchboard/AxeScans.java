package org.switchboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

/**
 * axe-core scans of a page against WCAG 2.2 A and AA: a scan fails on any serious or critical
 * violation, except the few below that are Vaadin components' own and that the app cannot fix.
 * Takes the page as it is and a label that names the screen (and its language) in the failure.
 */
public final class AxeScans {

    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /**
     * Vaadin's own known issues, by rule id and a part of the offending element's selector, with why.
     * Everything else serious or critical fails.
     */
    static final Map<String, String> VAADIN_OWN = Map.of(
            "aria-allowed-attr|<vaadin-checkbox-group",
            "a required vaadin-checkbox-group sets aria-required on its own role=group host",
            "aria-required-children|<vaadin-tabs",
            "vaadin-tabs (role=tablist) keeps a focusable scroll container in its shadow DOM");

    private AxeScans() {
    }

    /** Scans the page as it is now; fails listing each serious or critical violation with the elements it found. */
    public static void assertAccessible(Page page, String label) {
        AxeResults results = new AxeBuilder(page).withTags(TAGS).analyze();
        List<String> problems = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(AxeScans::unexplained)
                .filter(text -> !text.isEmpty())
                .toList();
        assertThat(problems).as("serious or critical accessibility violations on " + label).isEmpty();
    }

    /** The rule's nodes not on the allow-list, as text; empty when the allow-list covers them all. */
    private static String unexplained(Rule rule) {
        String nodes = rule.getNodes().stream()
                .map(node -> node.getTarget() + " " + summary(node) + " " + opening(node.getHtml()))
                .filter(node -> VAADIN_OWN.keySet().stream().noneMatch(key -> key.startsWith(rule.getId() + "|")
                        && node.contains(key.substring(key.indexOf('|') + 1))))
                .collect(Collectors.joining("\n    "));
        return nodes.isEmpty() ? "" : rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n    " + nodes;
    }

    /** The element's opening tag, which names the component. */
    private static String opening(String html) {
        return html == null ? "" : html.substring(0, Math.min(html.length(), 160));
    }

    private static String summary(CheckedNode node) {
        return node.getFailureSummary() == null ? "" : node.getFailureSummary().replace('\n', ' ');
    }
}
