package io.ppmlab.emulator.query.filter;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * "The value is one of these": {@code In}/{@code NotIn} and every id function ({@code EqualUserId},
 * {@code EqualUserTeams}, {@code Under}, ...). The set is computed once per request, then each row costs one hash
 * lookup. A null value is unknown, as SQL's {@code IN} makes it.
 */
record Membership(PropertyPath operand, Function<EvalContext, Collection<?>> values, boolean negate) implements Cond {

    @Override
    public Pred bind(EvalContext ctx) {
        Set<Object> keys = new HashSet<>();
        for (Object v : values.apply(ctx)) keys.add(Values.key(v));
        Operand.Getter g = operand.bind(ctx);
        return frame -> {
            Object v = g.get(frame);
            if (v == null || v == Values.UNREADABLE) return Pred.UNKNOWN;
            return Pred.of(keys.contains(Values.key(v)) != negate);
        };
    }

    @Override
    public void hints(List<IndexHint> out) {
        if (negate || operand.slot() != 0 || !operand.direct()) return;
        out.add(new IndexHint(operand.column().name(), values));
    }
}
