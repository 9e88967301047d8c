package org.switchboard.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Describes queue settings and their changes for the audit log, in words an admin reads. */
final class QueueChanges {

    private record Setting(String label, Function<QueueSettings, Object> value, String unit) {
    }

    private static final List<Setting> SETTINGS = List.of(
            new Setting("name", QueueSettings::name, ""),
            new Setting("offer timeout", QueueSettings::offerTimeoutSeconds, " s"),
            new Setting("wrap-up", QueueSettings::wrapUpSeconds, " s"),
            new Setting("wrap-up extension", QueueSettings::wrapUpExtensionSeconds, " s"),
            new Setting("max wait", QueueSettings::maxWaitSeconds, " s"),
            new Setting("service level", QueueSettings::serviceLevelSeconds, " s"),
            new Setting("chat capacity", QueueSettings::chatCapacity, ""),
            new Setting("priority", QueueSettings::priority, ""),
            new Setting("missed offers before pause", QueueSettings::missedOffersBeforePause, ""),
            new Setting("source queues", s -> new TreeSet<>(s.sourceQueueIds()), ""));

    private QueueChanges() {
    }

    static String describe(QueueSettings s) {
        List<String> parts = new ArrayList<>();
        for (Setting setting : SETTINGS.subList(1, SETTINGS.size())) {
            parts.add(setting.label() + " " + setting.value().apply(s) + setting.unit());
        }
        return String.join(", ", parts);
    }

    static String between(QueueSettings before, QueueSettings after) {
        List<String> parts = new ArrayList<>();
        for (Setting setting : SETTINGS) {
            Object a = setting.value().apply(before);
            Object b = setting.value().apply(after);
            if (!Objects.equals(a, b)) {
                parts.add(setting.label() + ": " + a + setting.unit() + " → " + b + setting.unit());
            }
        }
        return parts.isEmpty() ? "No changes" : String.join(", ", parts);
    }

    static String assignment(Set<Long> before, Set<Long> after, Map<Long, String> names) {
        Set<String> added = new TreeSet<>();
        Set<String> removed = new TreeSet<>();
        after.stream().filter(id -> !before.contains(id)).forEach(id -> added.add(names.getOrDefault(id, "#" + id)));
        before.stream().filter(id -> !after.contains(id)).forEach(id -> removed.add(names.getOrDefault(id, "#" + id)));
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) {
            parts.add("added " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            parts.add("removed " + String.join(", ", removed));
        }
        return parts.isEmpty() ? "No changes" : String.join("; ", parts) + " (now " + after.size() + ")";
    }
}
