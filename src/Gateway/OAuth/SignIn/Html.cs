using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace Serverless.Gateway.OAuth.SignIn;

/// <summary>
/// The OAuth pages' one layout: server-rendered, no script, every value HTML-encoded, and a strict Content Security
/// Policy (nothing but this page's own nonce-tagged style; forms post only to this server, and to the client's redirect
/// target where the page hands the user back).
/// </summary>
public static class Html
{
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    public static async Task WriteAsync(HttpContext context, int status, string title, string body, string? formTarget = null)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on the form posts, which the
        // host guard rightly refuses; same-origin still tells other sites nothing.
        response.Headers["Referrer-Policy"] = "same-origin";
        response.Headers["X-Frame-Options"] = "DENY";
        response.Headers.ContentSecurityPolicy =
            $"default-src 'none'; style-src 'nonce-{nonce}'; img-src 'self'; form-action 'self'{(formTarget is null ? "" : " " + formTarget)}; frame-ancestors 'none'; base-uri 'none'";
        var page = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" – MCP gateway</title>")
            .Append("<style nonce=\"").Append(nonce).Append("\">")
            .Append("body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}")
            .Append("fieldset{margin:1rem 0;border:1px solid #888;border-radius:.4rem}label{display:block;margin:.2rem 0}")
            .Append("button{font-size:1rem;padding:.4rem 1rem;margin-right:.5rem}.error{color:#a00}")
            .Append("</style></head><body><main>")
            .Append(body)
            .Append("</main></body></html>");
        await response.WriteAsync(page.ToString());
    }

    public static string Hidden(string name, string? value) => $"<input type=\"hidden\" name=\"{E(name)}\" value=\"{E(value)}\">";
}
