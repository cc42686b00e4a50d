using System.Text;
using Microsoft.AspNetCore.Http;
using Serverless.Gateway.OAuth.Server;
using Serverless.Gateway.OAuth.SignIn;

namespace Serverless.Gateway.OAuth.Consent;

/// <summary>/oauth/connections: the signed-in user's approved connections, each with a Revoke button.</summary>
public sealed class ConnectionsPage(PageProtection protection, OAuthConnections connections)
{
    public async Task HandleAsync(HttpContext context)
    {
        var user = await protection.UserAsync(context);
        if (user is null)
        {
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = OAuthRoutes.SignIn + "?returnUrl=" + Uri.EscapeDataString(OAuthRoutes.Connections);
            return;
        }

        string? notice = null;
        var status = StatusCodes.Status200OK;
        if (HttpMethods.IsPost(context.Request.Method))
        {
            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : null;
            if (form is null || !await protection.ValidAntiforgeryAsync(context, form[PageProtection.AntiforgeryField]))
            {
                (notice, status) = ("The form expired or did not come from this page; nothing was revoked.", StatusCodes.Status400BadRequest);
            }
            else if (!await connections.RevokeAsync(user.Subject, form["revoke"].ToString(), context.RequestAborted))
            {
                (notice, status) = ("That connection is not one of yours; nothing was revoked.", StatusCodes.Status404NotFound);
            }
            else
            {
                // Post/redirect/get: a reload does not post the revocation again.
                context.Response.StatusCode = StatusCodes.Status303SeeOther;
                context.Response.Headers.Location = OAuthRoutes.Connections + "?revoked=1";
                return;
            }
        }
        else if (context.Request.Query["revoked"] == "1")
        {
            notice = "The connection was revoked: its tokens no longer work.";
        }

        var token = await protection.AntiforgeryTokenAsync(context);
        var list = await connections.ListAsync(user.Subject, context.RequestAborted);
        var body = new StringBuilder("<h1>Your connections</h1>")
            .Append($"<p>Signed in as {Html.E(user.Name)}. These clients may use the gateway on your behalf until you revoke them.</p>")
            .Append(notice is null ? "" : $"<p role=\"status\">{Html.E(notice)}</p>");
        if (list.Count == 0)
        {
            body.Append("<p>No connections.</p>");
        }
        else
        {
            body.Append("<ul>");
            foreach (var connection in list)
            {
                body.Append("<li><p><strong>").Append(Html.E(connection.Client)).Append("</strong>")
                    .Append(connection.Created is { } created ? $", approved {Html.E(created.ToString("yyyy-MM-dd HH:mm 'UTC'"))}" : "")
                    .Append("<br>").Append(Html.E(connection.Grant)).Append("</p>")
                    .Append($"<form method=\"post\" action=\"{OAuthRoutes.Connections}\">")
                    .Append(Html.Hidden(PageProtection.AntiforgeryField, token))
                    .Append($"<button type=\"submit\" name=\"revoke\" value=\"{Html.E(connection.Id)}\" aria-label=\"Revoke {Html.E(connection.Client)}\">Revoke</button></form></li>");
            }

            body.Append("</ul>");
        }

        await Html.WriteAsync(context, status, "Your connections", body.ToString());
    }
}
