package computer.parachute.hub.cli.doctor;

import computer.parachute.hub.core.json.JsonFiles;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * The doctor's answer: one line per finding ({@code ✓ id  message}, and for warn/fail the fix on the next line),
 * or with {@code --json} one object: {@code {"checks": [{"id","status","message","fix","autoFix"}], "fixes": [...],
 * "summary": {"ok","warn","fail"}}}.
 */
public record DoctorReport(List<Finding> findings, List<AppliedFix> fixes) {
    /** What {@code --fix} did for one finding; {@code applied} false when the fix itself failed. */
    public record AppliedFix(String id, boolean applied, String detail) {}

    public boolean failing() {
        return count(Status.FAIL) > 0;
    }

    long count(Status status) {
        return findings.stream().filter(f -> f.status() == status).count();
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Finding finding : findings) {
            String mark = switch (finding.status()) {
                case OK -> "✓";
                case WARN -> "⚠";
                case FAIL -> "✗";
            };
            lines.add(mark + " " + finding.id() + "  " + finding.message());
            if (finding.status() != Status.OK && !finding.fix().isEmpty()) {
                lines.add("    fix: " + finding.fix() + (finding.safeFix().isPresent() ? "   (parachute doctor --fix applies it)" : ""));
            }
        }
        lines.add(count(Status.OK) + " ok, " + count(Status.WARN) + " warning(s), " + count(Status.FAIL) + " failure(s)");
        return lines;
    }

    public String toJson() {
        JsonArrayBuilder checks = Json.createArrayBuilder();
        for (Finding finding : findings) {
            checks.add(Json.createObjectBuilder().add("id", finding.id()).add("status", finding.status().wireName())
                    .add("message", finding.message()).add("fix", finding.fix())
                    .add("autoFix", finding.safeFix().isPresent()));
        }
        JsonArrayBuilder applied = Json.createArrayBuilder();
        fixes.forEach(fix -> applied.add(Json.createObjectBuilder().add("id", fix.id()).add("applied", fix.applied())
                .add("detail", fix.detail())));
        JsonObjectBuilder summary = Json.createObjectBuilder().add("ok", count(Status.OK))
                .add("warn", count(Status.WARN)).add("fail", count(Status.FAIL));
        return JsonFiles.pretty(Json.createObjectBuilder().add("checks", checks).add("fixes", applied)
                .add("summary", summary).build());
    }
}
