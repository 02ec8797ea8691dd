package computer.parachute.hub.cli.doctor;

import java.util.List;

/** One thing the doctor looks at; a per-module check answers one finding per module ({@code module.<short>.<id>}). */
public interface Check {
    String id();

    /** Never throws for what it finds: a broken file is a finding, not an exception. */
    List<Finding> run(DoctorContext context);
}
