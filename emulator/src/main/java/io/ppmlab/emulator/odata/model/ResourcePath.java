package io.ppmlab.emulator.odata.model;

import java.util.Map;
import java.util.Optional;

/**
 * What the path of a request (after {@code /api/data/v9.2/}) addresses. Tables are logical names, never entity
 * set names; navigations carry the logical name of the table they lead to ({@code principal} for owner-like
 * lookups, which the executor resolves per row).
 */
public sealed interface ResourcePath {

    /** The service root: the service document. */
    record ServiceDocument() implements ResourcePath {}

    /** {@code $metadata}. */
    record Metadata() implements ResourcePath {}

    /** {@code $batch}. */
    record Batch() implements ResourcePath {}

    /** {@code sensei_projects}. */
    record EntitySet(String table) implements ResourcePath {}

    /** {@code sensei_projects/$count}: a plain-text number. */
    record EntitySetCount(String table) implements ResourcePath {}

    /** {@code sensei_projects(<id>)} or {@code systemusers(domainname='x')}. */
    record Entity(String table, Key key) implements ResourcePath {}

    /** {@code sensei_projects(<id>)/sensei_name}, or with {@code /$value} when {@code rawValue}. */
    record EntityProperty(String table, Key key, String property, boolean rawValue) implements ResourcePath {}

    /**
     * {@code sensei_programs(<id>)/sensei_project_sensei_program} (collection) or
     * {@code sensei_projects(<id>)/sensei_program} (single-valued, through a lookup).
     */
    record Navigation(String table, Key key, String navigation, String targetTable, boolean collection)
            implements ResourcePath {}

    /** {@code sensei_programs(<id>)/sensei_project_sensei_program(<childId>)}. */
    record NavigationEntity(Navigation via, Key targetKey) implements ResourcePath {}

    /** {@code sensei_programs(<id>)/sensei_project_sensei_program/$count}. */
    record NavigationCount(Navigation via) implements ResourcePath {}

    /**
     * {@code .../nav/$ref} or {@code .../nav(<childId>)/$ref}: associate or disassociate rows.
     * {@code targetKey} is present only in the second form.
     */
    record Ref(Navigation via, Optional<Key> targetKey) implements ResourcePath {}

    /**
     * An unbound function such as {@code WhoAmI()} or {@code RetrieveSharedPrincipalsAndAccess(Target=@t)};
     * parameter values as written in the URL, a parameter alias replaced by its (decoded) value.
     */
    record FunctionCall(String name, Map<String, String> params) implements ResourcePath {
        public FunctionCall { params = Map.copyOf(params); }
    }

    /** The row a bound action or function is called on, e.g. the team of {@code teams(<id>)/Microsoft.Dynamics.CRM.AddMembersTeam}. */
    record BoundTo(String table, Key key) {}

    /** An action (POST, parameters in the body): unbound ({@code GrantAccess}) or bound to a row ({@code AddMembersTeam}). */
    record ActionCall(String name, Optional<BoundTo> boundTo) implements ResourcePath {}

    /** An action bound to an entity set, e.g. {@code sensei_projects/Microsoft.Dynamics.CRM.CreateMultiple}. */
    record CollectionActionCall(String table, String name) implements ResourcePath {}

    /**
     * A function bound to a row, e.g. {@code systemusers(<id>)/Microsoft.Dynamics.CRM.RetrievePrincipalAccess(Target=@t)};
     * parameters as in {@link FunctionCall}.
     */
    record BoundFunctionCall(BoundTo boundTo, String name, Map<String, String> params) implements ResourcePath {
        public BoundFunctionCall { params = Map.copyOf(params); }
    }
}
