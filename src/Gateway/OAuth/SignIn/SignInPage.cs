using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Serverless.Gateway.OAuth.Server;

namespace Serverless.Gateway.OAuth.SignIn;

/// <summary>
/// /oauth/signin. Demo sign-in (sandbox only): the user types a name and is signed in as "demo:&lt;name&gt;". The
/// start-up check in <see cref="OAuthServiceCollectionExtensions"/> refuses Demo unless the sandbox is on.
/// </summary>
public sealed class SignInPage(PageProtection protection, IOptionsMonitor<OAuthOptions> oauth)
{
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);
    internal const int MaxNameLength = 64;

    public async Task HandleAsync(HttpContext context)
    {
        if (oauth.CurrentValue.SignIn != OAuthSignIn.Demo)
        {
            await Html.WriteAsync(context, StatusCodes.Status404NotFound, "Not found", "<h1>Not found</h1><p>This server signs users in through its identity provider.</p>");
            return;
        }

        var returnUrl = LocalReturn(HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync()).TryGetValue("returnUrl", out var posted) ? posted.ToString() : null
            : context.Request.Query["returnUrl"].ToString());
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            await FormAsync(context, returnUrl, null, StatusCodes.Status200OK);
            return;
        }

        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.HasFormContentType)
        {
            context.Response.Headers.Allow = "GET, POST";
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var form = await context.Request.ReadFormAsync();
        if (!await protection.ValidAntiforgeryAsync(context, form[PageProtection.AntiforgeryField]))
        {
            await FormAsync(context, returnUrl, "The form expired or did not come from this page; please sign in again.", StatusCodes.Status400BadRequest);
            return;
        }

        var name = form["user"].ToString().Trim();
        if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl))
        {
            await FormAsync(context, returnUrl, $"Type a name of 1 to {MaxNameLength} characters.", StatusCodes.Status400BadRequest);
            return;
        }

        await protection.SignInAsync(context, new PageUser("demo:" + name, name), SessionLifetime);
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = returnUrl;
    }

    /// <summary>Only this server's own OAuth pages are return targets, so the form cannot be used as an open redirect.</summary>
    public static string LocalReturn(string? value) =>
        value is { Length: > 0 and <= 8192 } && value.StartsWith(OAuthRoutes.Prefix + "/", StringComparison.Ordinal) && !value.Contains("//", StringComparison.Ordinal)
            && !value.Contains('\\') && !value.Any(char.IsControl)
            ? value
            : OAuthRoutes.Connections;

    private async Task FormAsync(HttpContext context, string returnUrl, string? error, int status)
    {
        var token = await protection.AntiforgeryTokenAsync(context);
        var body = "<h1>Sign in</h1>"
            + "<p>Demo sign-in: this gateway serves the sandbox twin only, so any name will do. Real deployments sign in through their identity provider.</p>"
            + (error is null ? "" : $"<p class=\"error\" role=\"alert\">{Html.E(error)}</p>")
            + $"<form method=\"post\" action=\"{OAuthRoutes.SignIn}\">"
            + Html.Hidden(PageProtection.AntiforgeryField, token) + Html.Hidden("returnUrl", returnUrl)
            + $"<label for=\"user\">Your name</label><input id=\"user\" name=\"user\" type=\"text\" required maxlength=\"{MaxNameLength}\" autocomplete=\"username\">"
            + "<p><button type=\"submit\" name=\"action\" value=\"signin\">Sign in</button></p></form>";
        await Html.WriteAsync(context, status, "Sign in", body);
    }
}
