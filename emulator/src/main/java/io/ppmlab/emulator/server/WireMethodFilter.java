package io.ppmlab.emulator.server;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The method on the wire is the method. Javalin routes by {@code X-HTTP-Method-Override} when present, so a
 * GET carrying {@code X-HTTP-Method-Override: DELETE} would delete; Dataverse documents no such tunnelling.
 * This filter runs before Javalin and hides every method-tunnelling header from it (and from everything
 * below), so routing and the API see only the request line's method.
 */
final class WireMethodFilter implements Filter {
    /** The tunnelling headers in common use; Javalin reads the first, other frameworks the others. */
    static final Set<String> TUNNELLING_HEADERS = Set.of("x-http-method-override", "x-http-method", "x-method-override");

    /** Puts the filter in front of every servlet of {@code handler}, Javalin's included. */
    static void install(ServletContextHandler handler) {
        handler.addFilter(new FilterHolder(new WireMethodFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        chain.doFilter(request instanceof HttpServletRequest http ? new WithoutTunnelling(http) : request, response);
    }

    private static boolean tunnelling(String name) {
        return name != null && TUNNELLING_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    private static final class WithoutTunnelling extends HttpServletRequestWrapper {
        WithoutTunnelling(HttpServletRequest request) { super(request); }

        @Override
        public String getHeader(String name) { return tunnelling(name) ? null : super.getHeader(name); }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return tunnelling(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            names.removeIf(WireMethodFilter::tunnelling);
            return Collections.enumeration(names);
        }
    }
}
