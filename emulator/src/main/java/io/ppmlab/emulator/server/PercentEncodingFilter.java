package io.ppmlab.emulator.server;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

import java.io.IOException;
import java.util.EnumSet;

/**
 * Refuses a request whose path has an invalid percent escape ({@code %} not followed by two hex digits) with a
 * Dataverse-shaped 400, before routing. Jetty refuses most of them itself, but not one after a {@code ;} (a path
 * parameter to Jetty), which Javalin then decodes while matching the route and fails with a 500 (found by
 * {@code lab fuzz}).
 */
final class PercentEncodingFilter implements Filter {

    /** Puts the filter in front of every servlet of {@code handler}, Javalin's included. */
    static void install(ServletContextHandler handler) {
        handler.addFilter(new FilterHolder(new PercentEncodingFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse out && !wellEncoded(http.getRequestURI())) {
            out.sendError(400);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean wellEncoded(String path) {
        if (path == null) return true;
        for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
            if (i + 2 >= path.length() || !hex(path.charAt(i + 1)) || !hex(path.charAt(i + 2))) return false;
        }
        return true;
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
