package io.ppmlab.emulator.security;

import io.ppmlab.roles.Depth;
import io.ppmlab.roles.Privilege;
import io.ppmlab.schema.EntityRef;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Why an access check passed. (Java 17 has no pattern switch, so each reason describes itself.) */
public sealed interface Reason {
    /** One line for people: the explain endpoint, logs. */
    String describe();

    /** The caller owns the row. */
    record Owner(EntityRef principal) implements Reason {
        public String describe() { return "the caller owns the row"; }
    }

    /** A team the caller is in owns the row. */
    record TeamOwner(UUID teamId) implements Reason {
        public String describe() { return "team " + teamId + ", which the caller is in, owns the row"; }
    }

    /** A role's Local or Deep depth, measured from {@code fromBusinessUnit}, covers the row's unit. */
    record RoleDepth(String roleName, Depth depth, UUID fromBusinessUnit) implements Reason {
        public String describe() {
            return "role '" + roleName + "' at " + depth.dataverseName() + " depth from business unit "
                    + fromBusinessUnit + " covers the row's business unit";
        }
    }

    /** The row, or a parent it inherits from, is shared with the caller, a team of the caller or the organization. */
    record Shared(EntityRef principal, Set<Privilege> rights, boolean inherited) implements Reason {
        public Shared { rights = Set.copyOf(rights); }

        public String describe() {
            return (inherited ? "inherited share" : "share") + " with " + principal.table() + " " + principal.id()
                    + " grants " + rights.stream().sorted().map(Privilege::accessRight).collect(Collectors.joining(","));
        }
    }

    /** A role grants the privilege at Organization depth. */
    record OrganizationDepth(String roleName) implements Reason {
        public String describe() { return "role '" + roleName + "' at Global (Organization) depth"; }
    }
}
