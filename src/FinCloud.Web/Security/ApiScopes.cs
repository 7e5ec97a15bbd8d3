using FinCloud.Core.Identity;
using FinCloud.Core.Tenancy;
using Microsoft.AspNetCore.Http.Metadata;

namespace FinCloud.Web.Security;

/// <summary>An endpoint's scope when it is not its area's read or write scope (e.g. <c>reports:submit</c>).</summary>
public sealed record RequiredScopeMetadata(string Scope);

/// <summary>
/// API key scopes. Every /api endpoint needs one: <c>&lt;area&gt;:read</c> for GET, <c>&lt;area&gt;:write</c> otherwise, the
/// area being the first path segment after <c>/api</c> (<c>cloud-use</c>, <c>exchange</c>, <c>oscal</c>…), unless the endpoint
/// names another (<see cref="Overrides"/>, <see cref="RequireScope{TBuilder}"/>). Scopes narrow a key within its role; the
/// role's policies still apply.
/// </summary>
public static class ApiScopes
{
    public const string ClaimType = "fincloud:scope";

    /// <summary>The claim value of a key without a scope list: every scope its role allows.</summary>
    public const string AllOfRole = "*";

    public const string ReportsSubmit = "reports:submit";

    /// <summary>Endpoints of other areas' groups that need a scope of their own, by <c>METHOD /route</c>.</summary>
    private static readonly Dictionary<string, string> Overrides = new(StringComparer.Ordinal)
    {
        ["POST /api/cloud-use/cases/{caseId:guid}/report-packages/{packageId:guid}/submission"] = ReportsSubmit,
        ["POST /api/exchange/report-packages/{packageId:guid}/bundle"] = ReportsSubmit,
    };

    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredScopeMetadata(scope));

    /// <summary>The scope an API key needs to call <paramref name="endpoint"/> with <paramref name="method"/>; null outside /api.</summary>
    public static string? For(Endpoint endpoint, string method)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint is not RouteEndpoint route || route.RoutePattern.RawText is not { } raw)
        {
            return null;
        }

        var path = "/" + raw.TrimStart('/');
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || segments[0] != "api")
        {
            return null;
        }

        if (endpoint.Metadata.GetMetadata<RequiredScopeMetadata>() is { } declared)
        {
            return declared.Scope;
        }

        if (Overrides.TryGetValue($"{method} {path}", out var scope))
        {
            return scope;
        }

        return segments[1] + (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? ":read" : ":write");
    }

    /// <summary>Every scope some endpoint of the app needs, sorted.</summary>
    public static IReadOnlyList<string> All(EndpointDataSource endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return [.. endpoints.Endpoints
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => For(e, m)))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Auditors read: a write scope on an auditor's key could never be used, so it is refused at creation.</summary>
    public static bool RoleAllows(OrganizationRole role, string scope) =>
        role != OrganizationRole.Auditor || scope.EndsWith(":read", StringComparison.Ordinal);

    /// <summary>Answers 403 ProblemDetails naming the missing scope when an API key calls an endpoint outside its scopes.</summary>
    public static IApplicationBuilder UseApiScopes(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.FindFirst(FinCloudClaims.ActorKind)?.Value == nameof(ActorKind.ApiKey)
                && context.GetEndpoint() is { } endpoint
                && For(endpoint, context.Request.Method) is { } needed)
            {
                var granted = context.User.FindAll(ClaimType).Select(c => c.Value).ToList();
                if (!granted.Contains(AllOfRole) && !granted.Contains(needed))
                {
                    await TypedResults.Problem(
                        title: "Missing API scope",
                        detail: $"This API key does not have the scope '{needed}' this endpoint requires.",
                        statusCode: StatusCodes.Status403Forbidden,
                        extensions: new Dictionary<string, object?> { ["missingScope"] = needed }).ExecuteAsync(context);
                    return;
                }
            }

            await next(context);
        });
}
