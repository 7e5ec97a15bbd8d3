using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace FinCloud.Web.Security;

/// <summary>
/// Response headers every answer carries: a Content-Security-Policy that Blazor Server works with (scripts from our
/// own origin only, the circuit's WebSocket to our own origin), no framing, no MIME sniffing, no referrer to other sites.
/// HSTS is added by <c>UseHsts</c> outside Development.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Blazor inserts inline style attributes (reconnect dialog, focus handling), hence <c>'unsafe-inline'</c> for styles
    /// only. Scripts stay <c>'self'</c>; the inline import map is allowed by its hash, computed per page below.
    /// </summary>
    public const string Policy =
        "default-src 'self'; script-src 'self'{scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The API reference page (Scalar) boots from an inline script; it shows only our own OpenAPI document.</summary>
    private const string ApiReferencePath = "/api-reference";

    private static readonly ConditionalWeakTable<ImportMapDefinition, string> ImportMapHashes = [];

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.ContentSecurityPolicy = PolicyFor(context);
                return Task.CompletedTask;
            });
            return next(context);
        });

    public static string PolicyFor(HttpContext context)
    {
        var extra = "";
        if (context.Request.Path.StartsWithSegments(ApiReferencePath))
        {
            extra = " 'unsafe-inline'";
        }
        else if (context.GetEndpoint()?.Metadata.GetMetadata<ImportMapDefinition>() is { } importMap)
        {
            extra = " " + ImportMapHashes.GetValue(importMap, Hash);
        }

        return Policy.Replace("{scripts}", extra, StringComparison.Ordinal);
    }

    /// <summary>The CSP source for the inline <c>&lt;script type="importmap"&gt;</c> rendered by <c>&lt;ImportMap /&gt;</c>.</summary>
    private static string Hash(ImportMapDefinition importMap) =>
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap.ToString())))}'";
}
