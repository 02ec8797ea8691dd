package computer.parachute.hub.web;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a resource behind the dashboard's session cookie ({@link BrowserSessionFilter}): the browser's routes only.
 * A bearer token is never accepted here, and the cookie is never accepted by {@code RequiresScope} routes.
 */
@NameBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface BrowserSession {}
