using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Serverless.Gateway.Callers;
using Serverless.Gateway.OAuth.Server;
using Serverless.Gateway.OAuth.Stores;
using Serverless.Gateway.OAuth.SignIn;
using Serverless.Tools.Catalog;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Serverless.Gateway.OAuth.Consent;

/// <summary>
/// /oauth/consent: OpenIddict has already checked the authorization request (client, redirect URI, PKCE) when this
/// runs. Shows the client and its redirect host, and lets the signed-in user grant the whole Pilot Status tenant or
/// some of its numbers, Chili Piper full, read-only or none, optionally some toolsets and read-only; or deny. The
/// approved grant becomes a connection and goes into every token of it, held to the same check as client keys.
/// </summary>
public sealed class ConsentPage(
    PageProtection protection,
    TenantNumbers numbers,
    OAuthConnections connections,
    IOpenIddictApplicationManager applications,
    IOpenIddictAuthorizationManager authorizations,
    IssuerNames names)
{
    // The consent form's own fields; every other field is the authorization request, carried through unchanged.
    private static readonly HashSet<string> OwnFields = new(StringComparer.Ordinal)
    {
        "pilotstatus", "number", "chilipiper", "toolset", "readonly", "decision", PageProtection.AntiforgeryField,
    };

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("No authorization request.");
        var user = await protection.UserAsync(context);
        if (user is null)
        {
            Redirect(context, OAuthRoutes.SignIn + "?returnUrl=" + Uri.EscapeDataString(OAuthRoutes.Consent + QueryOf(request)));
            return;
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await FormAsync(context, request, user, null, StatusCodes.Status200OK);
            return;
        }

        var form = await context.Request.ReadFormAsync();
        if (!await protection.ValidAntiforgeryAsync(context, form[PageProtection.AntiforgeryField]))
        {
            await FormAsync(context, request, user, "The form expired or did not come from this page; please choose again.", StatusCodes.Status400BadRequest);
            return;
        }

        if (form["decision"] != "approve")
        {
            await context.ForbidAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user denied access.",
            }));
            return;
        }

        var (grant, problem) = await GrantFromAsync(form, context.RequestAborted);
        if (grant is null)
        {
            await FormAsync(context, request, user, problem, StatusCodes.Status400BadRequest);
            return;
        }

        await ApproveAsync(context, request, user, grant);
    }

    private async Task ApproveAsync(HttpContext context, OpenIddictRequest request, PageUser user, ClientOptions grant)
    {
        var ct = context.RequestAborted;
        var application = await applications.FindByClientIdAsync(request.ClientId!, ct) ?? throw new InvalidOperationException("The client vanished.");
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject).SetClaim(Claims.Name, user.Name);
        ConsentedGrant.AddTo(identity, grant);
        // A connection lasts until its user revokes it, so it always gets refresh tokens (OpenIddict's offline_access).
        var scopes = request.GetScopes().Add(Scopes.OfflineAccess).Distinct(StringComparer.Ordinal).ToArray();
        identity.SetScopes(scopes);
        identity.SetResources(names.For(context.Request).Resource);
        identity.SetDestinations(_ => [Destinations.AccessToken]);

        var summary = ClientGrants.Parse("connection", grant).Grant!.ToString();
        var clientName = await applications.GetDisplayNameAsync(application, ct) ?? request.ClientId!;
        var descriptor = new OpenIddictAuthorizationDescriptor
        {
            ApplicationId = await applications.GetIdAsync(application, ct),
            CreationDate = DateTimeOffset.UtcNow,
            Principal = new ClaimsPrincipal(identity),
            Status = Statuses.Valid,
            Subject = user.Subject,
            Type = AuthorizationTypes.Permanent,
        };
        descriptor.Scopes.UnionWith(scopes);
        descriptor.Properties[OAuthConnections.GrantProperty] = JsonSerializer.SerializeToElement(summary, OAuthJson.Default.String);
        descriptor.Properties[OAuthConnections.ClientNameProperty] = JsonSerializer.SerializeToElement(clientName, OAuthJson.Default.String);
        var authorization = await authorizations.CreateAsync(descriptor, ct);
        identity.SetAuthorizationId(await authorizations.GetIdAsync(authorization, ct));
        await context.SignInAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>The grant the form asks for, or why it cannot be granted (a number this tenant does not have, a missing choice).</summary>
    private async Task<(ClientOptions? Grant, string? Problem)> GrantFromAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        string psNumbers;
        switch (form["pilotstatus"].ToString())
        {
            case "all":
                psNumbers = "*";
                break;
            case "none":
                psNumbers = "";
                break;
            case "numbers":
                var ticked = form["number"].Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()).Distinct(StringComparer.Ordinal).ToArray();
                if (ticked.Length == 0)
                {
                    return (null, "Tick at least one number, or choose the whole tenant or no Pilot Status access.");
                }

                var tenant = await numbers.ListAsync(cancellationToken);
                if (tenant is null)
                {
                    return (null, "The tenant's numbers cannot be listed right now, so no number can be granted; try again later.");
                }

                if (ticked.FirstOrDefault(n => !tenant.Any(t => t.Id == n)) is { } foreign)
                {
                    return (null, $"The number '{Shorten(foreign)}' is not one of this tenant's numbers; nothing was granted.");
                }

                psNumbers = string.Join(",", ticked);
                break;
            default:
                return (null, "Choose the whole tenant, some numbers, or no Pilot Status access.");
        }

        var chiliPiper = form["chilipiper"].ToString();
        if (chiliPiper is not ("full" or "read" or "none"))
        {
            return (null, "Choose full, read-only or no Chili Piper access.");
        }

        var toolsets = form["toolset"].Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).Distinct(StringComparer.Ordinal).ToArray();
        if (toolsets.FirstOrDefault(t => !Toolsets.All.ContainsKey(t)) is { } unknown)
        {
            return (null, $"'{Shorten(unknown)}' is not a toolset.");
        }

        return (new ClientOptions
        {
            Numbers = psNumbers,
            ChiliPiper = chiliPiper,
            Toolsets = toolsets.Length == 0 ? null : string.Join(",", toolsets),
            ReadOnly = form["readonly"] == "true",
        }, null);
    }

    private async Task FormAsync(HttpContext context, OpenIddictRequest request, PageUser user, string? error, int status)
    {
        var ct = context.RequestAborted;
        var clientName = await connections.ClientNameAsync(request.ClientId!, ct) ?? request.ClientId!;
        var redirect = new Uri(request.RedirectUri!);
        var tenant = await numbers.ListAsync(ct);
        var token = await protection.AntiforgeryTokenAsync(context);

        var body = new StringBuilder()
            .Append("<h1>Allow access to the MCP gateway?</h1>")
            .Append($"<p id=\"client\"><strong>{Html.E(clientName)}</strong> (returns to <strong>{Html.E(redirect.Authority)}</strong>) asks to use Pilot Status and Chili Piper tools on your behalf. It never receives the API keys.</p>")
            .Append($"<p>Signed in as {Html.E(user.Name)}.</p>")
            .Append(error is null ? "" : $"<p class=\"error\" role=\"alert\">{Html.E(error)}</p>")
            .Append($"<form method=\"post\" action=\"{OAuthRoutes.Consent}\">")
            .Append(Html.Hidden(PageProtection.AntiforgeryField, token));
        foreach (var (name, value) in request.GetParameters())
        {
            if (!OwnFields.Contains(name) && (string?)value is { } text)
            {
                body.Append(Html.Hidden(name, text));
            }
        }

        body.Append("<fieldset><legend>Pilot Status (WhatsApp)</legend>")
            .Append(Radio("pilotstatus", "all", "The whole tenant: every number and the account-wide tools", false))
            .Append(Radio("pilotstatus", "numbers", "Only the numbers ticked below", true))
            .Append(Radio("pilotstatus", "none", "No Pilot Status access", false));
        if (tenant is null)
        {
            body.Append("<p class=\"error\">The tenant's numbers cannot be listed right now.</p>");
        }
        else
        {
            body.Append("<fieldset><legend>Numbers</legend>");
            foreach (var (number, i) in tenant.Select((n, i) => (n, i)))
            {
                body.Append($"<label for=\"number-{i}\"><input type=\"checkbox\" id=\"number-{i}\" name=\"number\" value=\"{Html.E(number.Id)}\"> {Html.E(number.Display)}</label>");
            }

            body.Append("</fieldset>");
        }

        body.Append("</fieldset><fieldset><legend>Chili Piper (scheduling)</legend>")
            .Append(Radio("chilipiper", "full", "Full access", false))
            .Append(Radio("chilipiper", "read", "Read only", true))
            .Append(Radio("chilipiper", "none", "No Chili Piper access", false))
            .Append("</fieldset><fieldset><legend>Toolsets (none ticked: all of them)</legend>");
        foreach (var toolset in Toolsets.All.Keys.Order(StringComparer.Ordinal))
        {
            body.Append($"<label for=\"toolset-{Html.E(toolset)}\"><input type=\"checkbox\" id=\"toolset-{Html.E(toolset)}\" name=\"toolset\" value=\"{Html.E(toolset)}\"> {Html.E(toolset)}</label>");
        }

        body.Append("</fieldset><fieldset><legend>Writes</legend>")
            .Append("<label for=\"readonly\"><input type=\"checkbox\" id=\"readonly\" name=\"readonly\" value=\"true\"> Read-only: no tool that sends, creates, changes or deletes</label>")
            .Append("</fieldset><p><button type=\"submit\" name=\"decision\" value=\"approve\">Approve</button>")
            .Append("<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></p></form>")
            .Append($"<p><a href=\"{OAuthRoutes.Connections}\">Your connections</a></p>");
        // The approval redirects to the client; browsers hold a form's redirects to form-action too.
        await Html.WriteAsync(context, status, "Allow access", body.ToString(), redirect.GetLeftPart(UriPartial.Authority));
    }

    private static string Radio(string name, string value, string label, bool isChecked) =>
        $"<label for=\"{name}-{value}\"><input type=\"radio\" id=\"{name}-{value}\" name=\"{name}\" value=\"{value}\"{(isChecked ? " checked" : "")}> {Html.E(label)}</label>";

    private static string QueryOf(OpenIddictRequest request) =>
        "?" + string.Join("&", request.GetParameters()
            .Where(p => !OwnFields.Contains(p.Key) && (string?)p.Value is not null)
            .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString((string)p.Value!)));

    private static void Redirect(HttpContext context, string location)
    {
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = location;
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
