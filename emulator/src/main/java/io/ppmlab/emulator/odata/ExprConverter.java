package io.ppmlab.emulator.odata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ppmlab.emulator.odata.model.Expr;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.apache.olingo.commons.api.edm.EdmStructuredType;
import org.apache.olingo.commons.api.edm.EdmType;
import org.apache.olingo.server.api.uri.UriParameter;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceFunction;
import org.apache.olingo.server.api.uri.UriResourceLambdaAll;
import org.apache.olingo.server.api.uri.UriResourceLambdaAny;
import org.apache.olingo.server.api.uri.UriResourceLambdaVariable;
import org.apache.olingo.server.api.uri.queryoption.expression.BinaryOperatorKind;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitor;
import org.apache.olingo.server.api.uri.queryoption.expression.Literal;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import org.apache.olingo.server.api.uri.queryoption.expression.MethodKind;
import org.apache.olingo.server.api.uri.queryoption.expression.UnaryOperatorKind;

/**
 * Turns Olingo's filter tree into our {@link Expr}, refusing what Dataverse refuses (arithmetic, most built-in
 * functions, {@code not} around a query function). Errors are thrown as {@link ODataQueryException}.
 */
final class ExprConverter implements ExpressionVisitor<Expr> {
    /** The only built-in functions the Dataverse Web API documents for $filter. */
    private static final Set<MethodKind> METHODS = Set.of(MethodKind.CONTAINS, MethodKind.STARTSWITH,
            MethodKind.ENDSWITH);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The type the filter applies to, for checking PropertyName of query functions. */
    private final EdmStructuredType root;

    ExprConverter(EdmStructuredType root) { this.root = root; }

    Expr convert(Expression expression) {
        try {
            return expression.accept(this);
        } catch (ODataQueryException e) {
            throw e;
        } catch (RuntimeException e) {
            // an unchecked failure inside Olingo's tree (an empty any(), a missing operand): its text names Java types
            throw ODataErrors.syntax("The expression is incomplete or malformed.");
        } catch (Exception e) {
            throw ODataErrors.syntax(e.getMessage() == null ? "The expression is not valid." : e.getMessage());
        }
    }

    @Override public Expr visitBinaryOperator(BinaryOperatorKind op, Expr left, Expr right) {
        Expr.Op ours = switch (op) {
            case EQ -> Expr.Op.EQ;
            case NE -> Expr.Op.NE;
            case GT -> Expr.Op.GT;
            case GE -> Expr.Op.GE;
            case LT -> Expr.Op.LT;
            case LE -> Expr.Op.LE;
            case AND -> Expr.Op.AND;
            case OR -> Expr.Op.OR;
            default -> throw ODataErrors.notSupported("The operator '" + op.toString() + "'");
        };
        return new Expr.Binary(ours, left, right);
    }

    @Override public Expr visitBinaryOperator(BinaryOperatorKind op, Expr left, List<Expr> right) {
        throw ODataErrors.notSupported("The operator '" + op.toString() + "'");
    }

    @Override public Expr visitUnaryOperator(UnaryOperatorKind op, Expr operand) {
        if (op != UnaryOperatorKind.NOT) throw ODataErrors.notSupported("The operator '" + op.toString() + "'");
        if (operand instanceof Expr.QueryFunction) throw ODataErrors.notWithQueryFunction();
        return new Expr.Not(operand);
    }

    @Override public Expr visitMethodCall(MethodKind method, List<Expr> params) {
        if (!METHODS.contains(method)) throw ODataErrors.notSupported("The function '" + method.toString() + "'");
        return new Expr.Call(method.toString().toLowerCase(Locale.ROOT), params);
    }

    @Override public Expr visitLambdaExpression(String function, String variable, Expression expression) {
        throw new IllegalStateException("lambdas are converted in visitMember");
    }

    @Override public Expr visitLiteral(Literal literal) {
        String text = literal.getText();
        EdmType type = literal.getType();
        if (type == null || "null".equals(text)) return new Expr.Null();
        return new Expr.Literal(switch (type.getName()) {
            case "String" -> unquote(text);
            case "Boolean" -> Boolean.valueOf(text);
            case "SByte", "Byte", "Int16", "Int32", "Int64" -> Long.valueOf(text);
            case "Decimal" -> new BigDecimal(text);
            case "Single", "Double" -> Double.valueOf(text);
            case "Guid" -> UUID.fromString(text);
            case "Date" -> LocalDate.parse(text);
            case "DateTimeOffset" -> OffsetDateTime.parse(text).toInstant();
            default -> throw ODataErrors.notSupported("A literal of type Edm." + type.getName());
        });
    }

    @Override public Expr visitMember(Member member) {
        List<UriResource> parts = member.getResourcePath().getUriResourceParts();
        UriResource first = parts.get(0);
        if (first instanceof UriResourceFunction f) return queryFunction(f);
        UriResource last = parts.get(parts.size() - 1);
        if (last instanceof UriResourceLambdaAny any) {
            return new Expr.Lambda(Expr.LambdaKind.ANY, names(parts.subList(0, parts.size() - 1)),
                    any.getLambdaVariable(), convert(any.getExpression()));
        }
        if (last instanceof UriResourceLambdaAll all) {
            return new Expr.Lambda(Expr.LambdaKind.ALL, names(parts.subList(0, parts.size() - 1)),
                    all.getLambdaVariable(), convert(all.getExpression()));
        }
        if (first instanceof UriResourceLambdaVariable v) {
            return new Expr.LambdaProperty(v.getVariableName(), names(parts.subList(1, parts.size())));
        }
        return new Expr.Property(names(parts));
    }

    private Expr queryFunction(UriResourceFunction f) {
        String name = f.getFunction().getName();
        String property = null;
        List<String> values = new ArrayList<>();
        // Dataverse's own parameter order, whatever order the URL used.
        for (String wanted : List.of("PropertyName", "PropertyValue", "PropertyValue1", "PropertyValue2",
                "PropertyValues")) {
            for (UriParameter p : f.getParameters()) {
                if (!p.getName().equals(wanted)) continue;
                if (p.getText() == null) throw ODataErrors.syntax("Parameter " + wanted + " of " + name + " must be a literal.");
                if (wanted.equals("PropertyName")) property = unquote(p.getText());
                else if (wanted.equals("PropertyValues")) values.addAll(jsonStrings(p.getText(), name));
                else values.add(unquote(p.getText()));
            }
        }
        if (property == null) throw ODataErrors.syntax("Missing PropertyName in " + name + ".");
        if (root != null && root.getProperty(property) == null) {
            throw ODataErrors.propertyNotFound(property, root.getFullQualifiedName().getFullQualifiedNameAsString());
        }
        return new Expr.QueryFunction(name, property, values);
    }

    private static List<String> jsonStrings(String json, String function) {
        try {
            JsonNode node = JSON.readTree(json);
            if (!node.isArray()) throw ODataErrors.syntax("PropertyValues of " + function + " must be an array.");
            List<String> values = new ArrayList<>();
            node.forEach(n -> values.add(n.isTextual() ? n.textValue() : n.toString()));
            return values;
        } catch (JsonProcessingException e) {
            throw ODataErrors.syntax("PropertyValues of " + function + " is not a valid array: " + json);
        }
    }

    private static List<String> names(List<UriResource> parts) {
        return parts.stream().map(UriResource::getSegmentValue).toList();
    }

    /** {@code 'O''Bryan'} to {@code O'Bryan}; other literal texts are returned as they are. */
    static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("'") && text.endsWith("'")
                ? text.substring(1, text.length() - 1).replace("''", "'") : text;
    }

    @Override public Expr visitAlias(String aliasName) {
        // Top-level aliases are substituted in the text before parsing; Dataverse has none inside $expand.
        throw ODataErrors.notSupported("The parameter alias " + aliasName + " inside $expand");
    }

    @Override public Expr visitTypeLiteral(EdmType type) { throw ODataErrors.notSupported("A type literal"); }

    @Override public Expr visitLambdaReference(String variableName) {
        throw ODataErrors.notSupported("A bare lambda variable");
    }

    @Override public Expr visitEnum(EdmEnumType type, List<String> enumValues) {
        throw ODataErrors.notSupported("An enumeration literal");
    }
}
