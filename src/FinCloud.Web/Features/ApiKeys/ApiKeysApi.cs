using System.ComponentModel.DataAnnotations;
using FinCloud.Core;
using FinCloud.Core.ApiAccess;
using FinCloud.Core.Audit;
using FinCloud.Core.Identity;
using FinCloud.Web.Api;
using FinCloud.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.ApiKeys;

/// <param name="Scopes">API scopes (GET /api/api-keys/scopes); null or absent: every scope the role allows.</param>
public sealed record CreateApiKeyRequest(
    [property: Required, StringLength(100, MinimumLength = 2)] string Name,
    [property: EnumDataType(typeof(OrganizationRole))] OrganizationRole Role,
    IReadOnlyList<string>? Scopes = null);

/// <param name="Scopes">Null: every scope of the role.</param>
public sealed record ApiKeyDto(Guid Id, string Name, string Prefix, OrganizationRole Role, IReadOnlyList<string>? Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyDto From(ApiKey k) => new(k.Id, k.Name, k.Prefix, k.Role, k.ScopeList, k.CreatedAt, k.RevokedAt);
}

/// <summary>The secret appears only in this response; only its hash is stored.</summary>
public sealed record CreatedApiKeyDto(ApiKeyDto Key, string Secret);

public static class ApiKeysApi
{
    public static RouteGroupBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("api-keys").WithTags("API keys").RequireAuthorization(Policies.Administrator);
        group.MapGet("", ListAsync).ActsOnCallerOrganization("keys of the caller's organisation");
        group.MapPost("", CreateAsync).ActsOnCallerOrganization("creates a key for the caller's organisation")
            .WithExampleRequest(new CreateApiKeyRequest("CI pipeline", OrganizationRole.Auditor, ["cloud-use:read", "oscal:read"]));
        group.MapGet("scopes", (EndpointDataSource endpoints) => TypedResults.Ok(ApiScopes.All(endpoints)))
            .TenantFree("the scopes the API knows").WithDescription("Every scope an API key can be given.");
        group.MapDelete("{apiKeyId:guid}", RevokeAsync);
        return group;
    }

    public static async Task<Ok<List<ApiKeyDto>>> ListAsync(FinCloudDbContext db, CancellationToken ct)
    {
        // SQLite cannot order by DateTimeOffset: sort the (short) list here.
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(keys.OrderBy(k => k.CreatedAt).Select(ApiKeyDto.From).ToList());
    }

    public static async Task<Results<Created<CreatedApiKeyDto>, ValidationProblem>> CreateAsync(
        CreateApiKeyRequest request, FinCloudDbContext db, EndpointDataSource endpoints, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Scopes is { } scopes)
        {
            var known = ApiScopes.All(endpoints);
            var problems = scopes.Where(s => !known.Contains(s)).Select(s => $"Unknown scope '{s}'.")
                .Concat(scopes.Where(s => known.Contains(s) && !ApiScopes.RoleAllows(request.Role, s)).Select(s => $"The role {request.Role} cannot write: '{s}'."))
                .ToArray();
            if (scopes.Count == 0 || problems.Length > 0)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["scopes"] = problems.Length > 0 ? problems : ["Give at least one scope, or none for every scope of the role."] });
            }
        }

        var (key, secret) = ApiKey.Create(request.Name, request.Role, db.Clock.GetUtcNow(), request.Scopes);
        db.ApiKeys.Add(key);
        db.Audit(AuditEventType.ApiKeyCreated, nameof(ApiKey), key.Id, after: $"prefix={key.Prefix}; role={key.Role}; scopes={key.Scopes ?? "all of role"}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/api-keys/{key.Id}", new CreatedApiKeyDto(ApiKeyDto.From(key), secret));
    }

    public static async Task<Results<NoContent, NotFound>> RevokeAsync(Guid apiKeyId, FinCloudDbContext db, CancellationToken ct)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == apiKeyId, ct);
        if (key is null)
        {
            return TypedResults.NotFound();
        }

        if (key.Revoke(db.Clock.GetUtcNow()))
        {
            db.Audit(AuditEventType.ApiKeyRevoked, nameof(ApiKey), key.Id, before: "active", after: "revoked");
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.NoContent();
    }
}
