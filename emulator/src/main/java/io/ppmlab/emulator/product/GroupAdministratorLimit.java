package io.ppmlab.emulator.product;

import io.ppmlab.emulator.query.index.Children;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;

import java.util.Objects;

/**
 * A user may administer at most {@link #LIMIT} Microsoft 365 group teams (teamtype 3), Entra's group-owner
 * limit as the product documentation states it. Creating or changing a team that would make its
 * administrator's 251st is refused with 400 {@code 0x80040265}.
 */
public final class GroupAdministratorLimit {
    public static final int LIMIT = 250;
    public static final int OFFICE_GROUP = 3;

    private final Children children;

    public GroupAdministratorLimit(Children children) { this.children = children; }

    /** {@code before} is null on create. */
    public void check(Row before, Row after) {
        if (!isGroupTeam(after)) return;
        EntityRef admin = after.ref("administratorid");
        if (admin == null) return;
        if (before != null && isGroupTeam(before) && Objects.equals(admin, before.ref("administratorid"))) return;
        long others = children.referencing("team", "administratorid", admin.id()).stream()
                .filter(t -> !t.id().equals(after.id()) && isGroupTeam(t)).count();
        if (others >= LIMIT) throw ErrorCode.GROUP_ADMINISTRATOR_LIMIT.error(admin.id(), others, LIMIT, after.id());
    }

    static boolean isGroupTeam(Row team) { return Integer.valueOf(OFFICE_GROUP).equals(team.get("teamtype")); }
}
