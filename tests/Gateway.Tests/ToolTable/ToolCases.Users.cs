namespace Serverless.Gateway.Tests.ToolTable;

public static partial class ToolCases
{
    private const string Alice = "a1000000-0000-4000-8000-000000000001";

    public static IEnumerable<ToolCase> OrganizationAndUsers =>
    [
        new("health-ping", "{}"),
        new("tenant-get", "{}"),
        new("tenant-get", "{}", Key: CaseKey.ChiliPiperReadOnly, Label: "read-only token"),
        new("user-find", """{"query":"a"}"""),
        new("user-find", """{"query":" "}""", "INVALID_ARGUMENT", Label: "blank query"),
        new("user-find-by-filter", """{"filter":{"email":"alice.admin@sandbox-demo.example"}}"""),
        new("user-find-by-ids", $$"""{"userIds":["{{Alice}}"]}"""),
        new("user-find-by-ids", """{"userIds":[]}""", "INVALID_ARGUMENT", Label: "no ids"),
        new("user-read", $$"""{"userId":"{{Alice}}"}"""),
        new("user-invite", """{"email":"new.person@sandbox-demo.example","name":"New Person"}"""),
        new("user-invite", """{"email":"not-an-email"}""", "INVALID_ARGUMENT", Label: "bad email"),
        new("user-invite", """{"email":"someone@sandbox-demo.example"}""", "Forbidden", CaseKey.ChiliPiperReadOnly, "read-only token"),
        new("user-update-licenses", """{"update":{"a1000000-0000-4000-8000-000000000001":{"chiliCalOrg":true,"handoff":true}}}"""),
    ];
}
