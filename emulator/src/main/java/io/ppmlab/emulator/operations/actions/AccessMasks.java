package io.ppmlab.emulator.operations.actions;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.roles.Privilege;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Dataverse's AccessRights flags: read from a body as member names ({@code "ReadAccess,WriteAccess"}) or a
 * number, written as .NET writes a flags enum ({@code "ReadAccess, WriteAccess"}, in value order; {@code "None"}).
 */
final class AccessMasks {
    private AccessMasks() {}

    static Set<Privilege> parse(JsonNode value, String parameter) {
        if (value == null || value.isNull()) throw ErrorCode.BAD_REQUEST.error("The parameter '" + parameter + "' is required.");
        if (value.isIntegralNumber()) return of(value.intValue());
        Set<Privilege> rights = EnumSet.noneOf(Privilege.class);
        for (String name : value.asText().split(",")) {
            String n = name.trim();
            if (n.isEmpty() || n.equalsIgnoreCase("None")) continue;
            try {
                rights.add(Privilege.fromAccessRight(n));
            } catch (IllegalArgumentException e) {
                throw ErrorCode.BAD_REQUEST.error("'" + n + "' in '" + parameter + "' is not an AccessRights member "
                        + "(ReadAccess, WriteAccess, AppendAccess, AppendToAccess, DeleteAccess, ShareAccess, AssignAccess).");
            }
        }
        return rights;
    }

    static Set<Privilege> of(int mask) {
        Set<Privilege> rights = EnumSet.noneOf(Privilege.class);
        for (Privilege p : Privilege.values()) if ((mask & p.mask()) != 0) rights.add(p);
        return rights;
    }

    static int mask(Set<Privilege> rights) {
        int mask = 0;
        for (Privilege p : rights) mask |= p.mask();
        return mask;
    }

    static String format(Set<Privilege> rights) {
        if (rights.isEmpty()) return "None";
        return rights.stream().sorted(Comparator.comparingInt(Privilege::mask)).map(Privilege::accessRight)
                .collect(Collectors.joining(", "));
    }
}
