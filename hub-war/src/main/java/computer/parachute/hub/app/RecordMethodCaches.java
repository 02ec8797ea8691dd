package computer.parachute.hub.app;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.runtime.ObjectMethods;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * On Java 17 a record's {@code equals}/{@code hashCode}/{@code toString} are linked by {@link ObjectMethods}, which
 * adapts a few JVM-wide method handles to the record's component types; each handle strongly caches its last
 * adaptation ({@code MethodHandle.asTypeCache}), so the last hub record linked keeps the webapp's class loader alive
 * after undeploy (seen in a heap dump: {@code ObjectMethods.OBJECTS_HASHCODE -> asTypeCache -> ... -> StartError ->
 * loader}). Linking one more "record" of JDK types on undeploy overwrites those caches. Later JDKs hold such
 * adaptations softly; there this is harmless.
 */
final class RecordMethodCaches {
    private static final Logger LOG = Logger.getLogger(RecordMethodCaches.class.getName());

    private RecordMethodCaches() {}

    /** Re-links equals, hashCode and toString for a String-typed "record" of one String component. */
    static void forgetWebappTypes() {
        MethodHandle component = MethodHandles.dropArguments(MethodHandles.constant(String.class, ""), 0, String.class);
        try {
            for (String method : new String[] {"equals", "hashCode", "toString"}) {
                ObjectMethods.bootstrap(MethodHandles.lookup(), method, MethodHandle.class, String.class, "value", component);
            }
        } catch (Throwable e) {
            // only a class loader held a little longer: never fail an undeploy over it
            LOG.log(Level.FINE, "could not reset the JDK's record method caches", e);
        }
    }
}
