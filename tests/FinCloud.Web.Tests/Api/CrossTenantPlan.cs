using FinCloud.Web.Api;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace FinCloud.Web.Tests.Api;

/// <summary>
/// Turns one /api endpoint into a cross-tenant probe, or into a failure that tells the author what to declare.
/// Route parameters are filled with organisation B's ids from <c>resourcesOfB</c>, keyed by parameter name.
/// </summary>
public static class CrossTenantPlan
{
    public sealed record Probe(string Method, string Path, TenantIsolation Isolation, object? Body, string Endpoint);

    public static bool IsApi(RouteEndpoint e) => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true;

    public static (IReadOnlyList<Probe> Probes, IReadOnlyList<string> Failures) Plan(IEnumerable<RouteEndpoint> endpoints, IReadOnlyDictionary<string, Guid> resourcesOfB)
    {
        var probes = new List<Probe>();
        var failures = new List<string>();
        foreach (var endpoint in endpoints.Where(IsApi))
        {
            var name = endpoint.DisplayName ?? endpoint.RoutePattern.RawText!;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            var declared = endpoint.Metadata.GetMetadata<TenantIsolationMetadata>()?.Isolation;
            var parameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            var acceptsBody = endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not null;
            var example = endpoint.Metadata.GetMetadata<ExampleRequestMetadata>()?.Example;
            if (methods.Count == 0)
            {
                failures.Add($"{name}: no HTTP method");
                continue;
            }

            if (acceptsBody && example is null)
            {
                failures.Add($"{name}: takes a body but declares no example (.WithExampleRequest(...))");
                continue;
            }

            TenantIsolation isolation;
            if (parameters.Count > 0)
            {
                var missing = parameters.Where(p => !resourcesOfB.ContainsKey(p)).ToList();
                if (missing.Count > 0)
                {
                    failures.Add($"{name}: no resource of organisation B for route parameter(s) {string.Join(", ", missing)}; add one to the cross-tenant test");
                    continue;
                }

                isolation = TenantIsolation.RouteResource;
            }
            else if (declared is { } d && d != TenantIsolation.RouteResource)
            {
                isolation = d;
            }
            else
            {
                failures.Add($"{name}: neither names a resource in its route nor declares .ActsOnCallerOrganization(...) or .TenantFree(...)");
                continue;
            }

            var path = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            foreach (var p in parameters)
            {
                path = System.Text.RegularExpressions.Regex.Replace(path, "\\{" + p + "(:[^}]*)?\\}", resourcesOfB[p].ToString());
            }

            probes.AddRange(methods.Select(m => new Probe(m, path, isolation, example, name)));
        }

        return (probes, failures);
    }
}
