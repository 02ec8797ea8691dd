/**
 * Servlet-level guards that apply to every path the WAR serves (API, /health, dashboard, /metrics, proxied module
 * paths), registered ahead of everything else by {@code HubContextListener}, so they hold in a stock container too.
 */
package computer.parachute.hub.http;
