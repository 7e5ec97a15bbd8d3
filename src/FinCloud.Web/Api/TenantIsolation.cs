namespace FinCloud.Web.Api;

/// <summary>
/// How an /api endpoint keeps organisations apart. The cross-tenant test reads this from every endpoint:
/// an endpoint with route parameters is called with another organisation's ids and must answer 404; one
/// without must declare what it acts on, or the test fails.
/// </summary>
public sealed record TenantIsolationMetadata(TenantIsolation Isolation, string Reason);

public enum TenantIsolation
{
    /// <summary>Acts on a record named in the route; another organisation's id must give 404.</summary>
    RouteResource = 1,

    /// <summary>Lists or creates within the caller's own organisation; the response must not show other organisations' data.</summary>
    CallerOrganization = 2,

    /// <summary>Touches no tenant data at all (e.g. reference data).</summary>
    TenantFree = 3,
}

/// <summary>A valid request body for the endpoint, used by the cross-tenant test and shown as documentation.</summary>
public sealed record ExampleRequestMetadata(object Example);

public static class TenantIsolationExtensions
{
    public static TBuilder ActsOnCallerOrganization<TBuilder>(this TBuilder builder, string reason)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new TenantIsolationMetadata(TenantIsolation.CallerOrganization, reason));

    public static TBuilder TenantFree<TBuilder>(this TBuilder builder, string reason)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new TenantIsolationMetadata(TenantIsolation.TenantFree, reason));

    public static TBuilder WithExampleRequest<TBuilder>(this TBuilder builder, object example)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ExampleRequestMetadata(example));
}
