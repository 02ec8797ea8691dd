import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The status window of bench/status_window.py --jfr, summed over its runs: for the request threads (hub-http*) and
 * only between the window's first and last call, the inclusive and self shares of execution samples by method, the
 * sampled frames' kind (interpreted, compiled, inlined), and the allocation by class and by site (TLAB events,
 * weighted by the TLAB's size, so a rough share). Usage: {@code java bench/JfrWindow.java DIR [top]}.
 */
public class JfrWindow {
    private static final String THREADS = "hub-http";

    private final Map<String, Double> inclusive = new HashMap<>();
    private final Map<String, Double> self = new HashMap<>();
    private final Map<String, Double> frameKinds = new HashMap<>();
    private final Map<String, Double> allocatedByClass = new HashMap<>();
    private final Map<String, Double> allocatedBySite = new HashMap<>();
    private double samples;
    private double allocated;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        JfrWindow window = new JfrWindow();
        int runs = 0;
        for (; Files.exists(dir.resolve("rec-" + runs + ".jfr")); runs++) {
            String[] stamps = Files.readString(dir.resolve("window-" + runs + ".txt")).trim().split(" ");
            window.add(dir.resolve("rec-" + runs + ".jfr"), instant(stamps[1]), instant(stamps[2]));
        }
        System.out.printf("%d runs: %.0f execution samples, %.1f MB in TLAB events; frame kinds %s%n", runs,
                window.samples, window.allocated / 1e6, window.frameKinds);
        print("CPU, inclusive", window.inclusive, window.samples, top);
        print("CPU, self", window.self, window.samples, top / 2);
        print("allocation by class", window.allocatedByClass, window.allocated, top / 2);
        print("allocation by site (allocating frame <- its caller)", window.allocatedBySite, window.allocated, top / 2);
    }

    private static Instant instant(String epochSeconds) {
        return Instant.ofEpochMilli(Math.round(Double.parseDouble(epochSeconds) * 1000));
    }

    private void add(Path recording, Instant from, Instant to) throws Exception {
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            boolean sample = type.equals("jdk.ExecutionSample");
            boolean tlab = type.equals("jdk.ObjectAllocationInNewTLAB") || type.equals("jdk.ObjectAllocationOutsideTLAB");
            if ((!sample && !tlab) || event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)
                    || event.getStackTrace() == null) {
                continue;
            }
            RecordedThread thread = sample ? event.getThread("sampledThread") : event.getThread();
            if (thread == null || thread.getJavaName() == null || !thread.getJavaName().startsWith(THREADS)) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            if (sample) {
                samples++;
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    if (seen.add(name(frame))) {
                        inclusive.merge(name(frame), 1.0, Double::sum);
                    }
                }
                self.merge(name(frames.get(0)), 1.0, Double::sum);
                frameKinds.merge(frames.get(0).getType(), 1.0, Double::sum);
            } else {
                double bytes = type.endsWith("InNewTLAB") ? event.getLong("tlabSize") : event.getLong("allocationSize");
                allocated += bytes;
                allocatedByClass.merge(event.getClass("objectClass").getName(), bytes, Double::sum);
                String site = name(frames.get(0)) + (frames.size() > 1 ? " <- " + name(frames.get(1)) : "");
                allocatedBySite.merge(site, bytes, Double::sum);
            }
        }
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Double> shares, double total, int top) {
        System.out.println("== " + title);
        shares.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("%5.1f%%  %s%n", 100 * e.getValue() / total, e.getKey()));
    }
}
