package org.switchboard.productivity.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.switchboard.productivity.DayActivity;

/** The figures on screen as CSV, one row per day; the download serves what the view shows. */
final class ActivityCsv {

    static final String HEADER = "day,queue_calls_answered,non_queue_calls_answered,non_queue_calls_made";

    private ActivityCsv() {
    }

    static String of(List<DayActivity> days) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (DayActivity day : days) {
            csv.append(day.day()).append(',').append(day.queueCallsAnswered()).append(',')
                    .append(day.nonQueueCallsAnswered()).append(',').append(day.nonQueueCallsMade()).append("\r\n");
        }
        return csv.toString();
    }

    static DownloadHandler download(Supplier<String> fileName, Supplier<List<DayActivity>> shown) {
        return DownloadHandler.fromInputStream(event -> {
            byte[] bytes = of(shown.get()).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName.get(), "text/csv", bytes.length);
        });
    }
}
