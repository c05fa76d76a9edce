package io.ppmlab.emulator.security;

import io.ppmlab.roles.Depth;
import io.ppmlab.roles.Privilege;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Calls made on behalf of another user (CallerObjectId / MSCRMCallerID). The row checks run as the
 * impersonated user (their ownership, teams, units and shares), with privileges cut to the
 * intersection: a privilege neither user lacks, at no more than the real caller's broadest depth.
 * Dataverse documents only "intersection"; cutting the depth is this emulator's reading of it.
 */
public final class Impersonation {
    public static final String ACT_ON_BEHALF = "prvActOnBehalfOfAnotherUser";

    private Impersonation() {}

    /** Whether the real caller may impersonate at all; if not, the server answers 403 CannotActOnBehalfOfAnotherUser. */
    public static boolean canActOnBehalf(CallerReach realCaller) {
        return realCaller.taskPrivileges().contains(ACT_ON_BEHALF);
    }

    public static CallerReach intersect(CallerReach realCaller, CallerReach impersonated) {
        if (realCaller.modelVersion() != impersonated.modelVersion()) {
            throw new IllegalArgumentException("reaches from different model versions");
        }
        Map<String, Map<Privilege, List<Grant>>> grants = new HashMap<>();
        impersonated.grants().forEach((table, privileges) -> privileges.forEach((p, list) -> {
            Depth cap = realCaller.depth(table, p);
            if (cap == Depth.NONE) return;
            List<Grant> capped = new ArrayList<>();
            list.forEach(g -> capped.add(g.capped(cap)));
            grants.computeIfAbsent(table, k -> new EnumMap<>(Privilege.class)).put(p, capped);
        }));
        Set<String> tasks = new LinkedHashSet<>(impersonated.taskPrivileges());
        tasks.retainAll(realCaller.taskPrivileges());
        CallerReach.Identity who = impersonated.identity();
        CallerReach.Identity identity = new CallerReach.Identity(who.userId(), who.businessUnit(), realCaller.userId(),
                who.modelVersion(), who.owningTeams(), who.roleCount());
        return new CallerReach(identity, impersonated.units(), grants, impersonated.shares(), tasks);
    }
}
