package io.ppmlab.schema;

/** Dataverse column types the lab models, with the Java type a {@link Row} holds for each. */
public enum ColumnType {
    STRING(String.class), MEMO(String.class), INT(Integer.class), BIGINT(Long.class),
    DECIMAL(java.math.BigDecimal.class), MONEY(java.math.BigDecimal.class),
    DATETIME(java.time.Instant.class), DATEONLY(java.time.LocalDate.class), BOOLEAN(Boolean.class),
    CHOICE(Integer.class), LOOKUP(EntityRef.class), UNIQUEIDENTIFIER(java.util.UUID.class);

    private final Class<?> javaType;

    ColumnType(Class<?> javaType) { this.javaType = javaType; }

    /** The class of the value a row stores for a column of this type. */
    public Class<?> javaType() { return javaType; }
}
