package computer.parachute.hub.auth;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a resource class or method behind the operator bearer token (DESIGN §6, §7): {@link BearerAuthFilter}
 * runs for it and the token must carry {@link #value()}, e.g. {@code @RequiresScope(ScopeSets.HOST_ADMIN)}.
 * A method's annotation wins over its class's.
 */
@NameBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresScope {
    /** The scope the bearer token must carry. */
    String value();
}
