namespace Serverless.Tools.Catalog;

/// <summary>The kind of Pilot Status API key a tool's endpoint accepts.</summary>
public enum KeyScope
{
    /// <summary>A key bound to one WhatsApp number; the tenant key gets 403 TENANT_SCOPE_NOT_ALLOWED.</summary>
    Number,

    /// <summary>The account's tenant key; a number key gets 403 NUMBER_SCOPE_NOT_ALLOWED.</summary>
    Tenant,

    /// <summary>Either kind; a tenant key may name the number with x-whatsapp-number-id.</summary>
    Either,
}

/// <summary>Declares which Pilot Status key a tool needs, so a scope refusal can say exactly what to use instead.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class KeyScopeAttribute(KeyScope scope) : Attribute
{
    public KeyScope Scope { get; } = scope;

    /// <summary>
    /// The parameter that names the WhatsApp number the call acts on, when it is not called
    /// <see cref="ToolCatalog.DefaultNumberArgument"/> (for example "id" in the numbers tools).
    /// </summary>
    public string? NumberArgument { get; init; }
}
