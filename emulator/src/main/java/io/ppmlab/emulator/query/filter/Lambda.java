package io.ppmlab.emulator.query.filter;

import io.ppmlab.emulator.odata.model.Expr;
import io.ppmlab.schema.Relationship;
import io.ppmlab.schema.Row;

import java.util.List;

/**
 * {@code nav/any(x: ...)} and {@code nav/all(x: ...)} over a collection navigation: only children the caller may
 * read take part, so a hidden child can neither satisfy {@code any} nor spoil {@code all}.
 */
record Lambda(Expr.LambdaKind kind, int parentSlot, Relationship relationship, int childSlot, Cond body) implements Cond {

    @Override
    public Pred bind(EvalContext ctx) {
        Pred b = body.bind(ctx);
        boolean any = kind == Expr.LambdaKind.ANY;
        return frame -> {
            Row parent = frame[parentSlot];
            if (parent == null) return Pred.FALSE;
            List<Row> children = ctx.children(relationship, parent.id());
            Row saved = frame[childSlot];
            try {
                for (Row child : children) {
                    frame[childSlot] = child;
                    boolean ok = b.test(frame) == Pred.TRUE;
                    if (any && ok) return Pred.TRUE;
                    if (!any && !ok) return Pred.FALSE;
                }
                return Pred.of(!any);
            } finally {
                frame[childSlot] = saved;
            }
        };
    }
}
