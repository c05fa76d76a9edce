package io.ppmlab.emulator.security;

import io.ppmlab.schema.EntityRef;

import java.util.Objects;
import java.util.UUID;

/** Who can hold roles, own rows and receive shares: a user or a team, each in exactly one business unit. */
public sealed interface Principal {
    String USER_TABLE = "systemuser";
    String TEAM_TABLE = "team";
    String ORGANIZATION_TABLE = "organization";

    UUID id();

    UUID businessUnit();

    EntityRef ref();

    record User(UUID id, UUID businessUnit) implements Principal {
        public User {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(businessUnit, "businessUnit");
        }

        public EntityRef ref() { return new EntityRef(USER_TABLE, id); }
    }

    record Team(UUID id, UUID businessUnit, TeamType type) implements Principal {
        public Team {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(businessUnit, "businessUnit");
            Objects.requireNonNull(type, "type");
        }

        public EntityRef ref() { return new EntityRef(TEAM_TABLE, id); }
    }
}
