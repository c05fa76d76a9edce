package io.ppmlab.roles;

/** Which of the product's security models a shipped role belongs to. */
public enum RoleModel {
    /** Layered roles: each builds on the one below; one is enough for a user. */
    BASIC,
    /** Fine-grained roles meant to be combined with others. */
    MODULAR,
    /** Widens one aspect of whatever other roles the user has (Resource Organizational Access). */
    ADDON
}
