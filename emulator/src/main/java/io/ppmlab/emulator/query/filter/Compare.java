package io.ppmlab.emulator.query.filter;

import io.ppmlab.emulator.odata.model.Expr;

import java.util.List;
import java.util.Set;

/**
 * {@code left op right}. A comparison with the {@code null} literal tests presence; any other comparison
 * involving a null is unknown (SQL), and one through an unreadable lookup target is unknown even for null.
 */
record Compare(Expr.Op op, Operand left, Operand right, boolean leftNull, boolean rightNull) implements Cond {

    @Override
    public Pred bind(EvalContext ctx) {
        Operand.Getter l = left.bind(ctx);
        Operand.Getter r = right.bind(ctx);
        if (leftNull || rightNull) {
            Operand.Getter value = leftNull ? r : l;
            boolean both = leftNull && rightNull;
            return frame -> {
                Object v = both ? null : value.get(frame);
                if (v == Values.UNREADABLE) return Pred.UNKNOWN;
                return switch (op) {
                    case EQ -> Pred.of(v == null);
                    case NE -> Pred.of(v != null);
                    default -> Pred.UNKNOWN;
                };
            };
        }
        return frame -> {
            Object a = l.get(frame);
            if (a == null || a == Values.UNREADABLE) return Pred.UNKNOWN;
            Object b = r.get(frame);
            if (b == null || b == Values.UNREADABLE) return Pred.UNKNOWN;
            int c = Values.compare(a, b);
            return Pred.of(switch (op) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case GT -> c > 0;
                case GE -> c >= 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                default -> throw new IllegalStateException(op.name());
            });
        };
    }

    @Override
    public void hints(List<IndexHint> out) {
        if (op != Expr.Op.EQ || leftNull || rightNull) return;
        PropertyPath path = left instanceof PropertyPath p ? p : right instanceof PropertyPath p ? p : null;
        Operand other = path == left ? right : left;
        if (path == null || !(other instanceof Operand.Literal lit) || path.slot() != 0 || !path.direct()) return;
        out.add(new IndexHint(path.column() == PropertyPath.ID ? PropertyPath.ID.name() : path.column().name(),
                ctx -> Set.of(lit.value())));
    }
}
