using System.Text.Json;
using System.Text.Json.Nodes;
using FinCloud.Core;
using FinCloud.Core.Identity;
using FinCloud.Web.Api;
using FinCloud.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Organizations;

/// <summary>
/// SCIM 2.0 service for the organisation's identity provider (RFC 7643, 7644; Users only), at <c>/api/scim/v2</c>.
/// The provider authenticates with an administrator's API key that has the scopes <c>scim:read</c> and
/// <c>scim:write</c>. Answers are <c>application/scim+json</c>; refusals use SCIM's error message.
/// </summary>
public static class ProvisioningApi
{
    public const string MediaType = "application/scim+json";
    private const string ListSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private const string ErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";
    private const string PatchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private const int MaxResults = 200;

    private static readonly JsonObject ExampleUser = new()
    {
        ["schemas"] = new JsonArray(Provisioning.UserSchema),
        ["userName"] = "kim.officer@hanbit.example",
        ["externalId"] = "00aa11bb-22cc-33dd-44ee-55ff66778899",
        ["name"] = new JsonObject { ["familyName"] = "김", ["givenName"] = "담당" },
        ["emails"] = new JsonArray(new JsonObject { ["value"] = "kim.officer@hanbit.example", ["type"] = "work", ["primary"] = true }),
        ["active"] = true,
    };

    private static readonly JsonObject ExamplePatch = new()
    {
        ["schemas"] = new JsonArray(PatchSchema),
        ["Operations"] = new JsonArray(new JsonObject { ["op"] = "Replace", ["path"] = "active", ["value"] = "False" }),
    };

    public static void MapProvisioningEndpoints(this IEndpointRouteBuilder api)
    {
        var scim = api.MapGroup("scim/v2").RequireAuthorization(Policies.Administrator).WithTags("SCIM provisioning");
        scim.MapGet("ServiceProviderConfig", ServiceProviderConfig).TenantFree("describes the SCIM service");
        scim.MapGet("ResourceTypes", ResourceTypes).TenantFree("describes the SCIM service");
        var users = scim.MapGroup("Users");
        users.MapGet("", ListAsync).ActsOnCallerOrganization("the caller's organisation's provisioned members");
        users.MapPost("", CreateAsync).ActsOnCallerOrganization("provisions a person into the caller's organisation")
            .Accepts<JsonElement>(MediaType, "application/json").WithExampleRequest(ExampleUser);
        users.MapGet("{provisionedAccountId:guid}", GetAsync);
        users.MapPut("{provisionedAccountId:guid}", ReplaceAsync).Accepts<JsonElement>(MediaType, "application/json").WithExampleRequest(ExampleUser);
        users.MapPatch("{provisionedAccountId:guid}", PatchAsync).Accepts<JsonElement>(MediaType, "application/json").WithExampleRequest(ExamplePatch);
        users.MapDelete("{provisionedAccountId:guid}", DeleteAsync);
    }

    /// <param name="filter"><c>userName eq "…"</c>, <c>externalId eq "…"</c>, <c>id eq "…"</c> or <c>emails.value eq "…"</c>.</param>
    /// <param name="startIndex">1-based (RFC 7644 §3.4.2.4).</param>
    /// <param name="count">At most 200; 0 gives only the total.</param>
    public static async Task<IResult> ListAsync(FinCloudDbContext db, HttpRequest request, string? filter, int? startIndex, int? count, CancellationToken ct)
    {
        var query = db.ProvisionedAccounts.AsNoTracking().Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { Account = a, User = u });
        if (!string.IsNullOrWhiteSpace(filter))
        {
            if (Provisioning.ParseFilter(filter) is not { } parsed)
            {
                return Error(new(400, "invalidFilter", "Supported filters: userName, externalId, id or emails.value with eq and a quoted value."));
            }

            var (attribute, value) = parsed;

            var upper = value.Trim().ToUpperInvariant();
            query = attribute switch
            {
                "userName" => query.Where(x => x.Account.NormalizedUserName == upper),
                "externalId" => query.Where(x => x.Account.ExternalId == value),
                "email" => query.Where(x => x.User.NormalizedEmail == upper),
                _ => Guid.TryParse(value, out var id) ? query.Where(x => x.Account.Id == id) : query.Where(x => false),
            };
        }

        var first = Math.Max(1, startIndex ?? 1);
        var size = Math.Clamp(count ?? 100, 0, MaxResults);
        var total = await query.CountAsync(ct);
        var page = size == 0 ? [] : await query.OrderBy(x => x.Account.Id).Skip(first - 1).Take(size).ToListAsync(ct);
        var userIds = page.Select(x => x.User.Id).ToList();
        var roles = (await db.Memberships.AsNoTracking().Where(m => userIds.Contains(m.UserId)).Select(m => new { m.UserId, m.Role }).ToListAsync(ct))
            .ToLookup(m => m.UserId, m => m.Role);
        return new ScimResult(new JsonObject
        {
            ["schemas"] = new JsonArray(ListSchema),
            ["totalResults"] = total,
            ["startIndex"] = first,
            ["itemsPerPage"] = page.Count,
            ["Resources"] = new JsonArray([.. page.Select(x => Provisioning.Resource(x.Account, x.User, roles[x.User.Id], Location(request, x.Account.Id)))]),
        });
    }

    public static async Task<IResult> GetAsync(Guid provisionedAccountId, FinCloudDbContext db, UserManager<FinCloudUser> users, HttpRequest request, CancellationToken ct) =>
        await db.ProvisionedAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == provisionedAccountId, ct) is { } account
            ? await ResourceAsync(account, db, users, request, 200)
            : NotFound();

    public static async Task<IResult> CreateAsync(JsonElement body, FinCloudDbContext db, UserManager<FinCloudUser> users, HttpRequest request, CancellationToken ct)
    {
        try
        {
            var (account, error) = await Provisioning.CreateAsync(Provisioning.Read(body), db, users, ct);
            return error is not null ? Error(error) : await ResourceAsync(account!, db, users, request, 201);
        }
        catch (ProvisioningException e)
        {
            return Error(e.Error);
        }
    }

    public static Task<IResult> ReplaceAsync(Guid provisionedAccountId, JsonElement body, FinCloudDbContext db, UserManager<FinCloudUser> users, HttpRequest request, CancellationToken ct) =>
        ChangeAsync(provisionedAccountId, db, users, request, _ => Provisioning.Read(body), ct);

    public static Task<IResult> PatchAsync(Guid provisionedAccountId, JsonElement body, FinCloudDbContext db, UserManager<FinCloudUser> users, HttpRequest request, CancellationToken ct) =>
        ChangeAsync(provisionedAccountId, db, users, request, current => Provisioning.Patch(current, body), ct);

    private static async Task<IResult> ChangeAsync(Guid id, FinCloudDbContext db, UserManager<FinCloudUser> users, HttpRequest request,
        Func<ProvisionedPerson, ProvisionedPerson> change, CancellationToken ct)
    {
        var account = await db.ProvisionedAccounts.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is null || await users.FindByIdAsync(account.UserId.ToString()) is not { } user)
        {
            return NotFound();
        }

        try
        {
            // A PATCH starts from what the person is now, roles included (an "add" of roles joins them).
            var roles = await db.Memberships.AsNoTracking().Where(m => m.UserId == account.UserId).Select(m => m.Role).ToListAsync(ct);
            var current = new ProvisionedPerson(account.UserName, account.ExternalId, user.DisplayName, null, null, user.Email, account.Active, roles);
            return await Provisioning.ReplaceAsync(account, change(current), db, users, ct) is { } error
                ? Error(error)
                : await ResourceAsync(account, db, users, request, 200);
        }
        catch (ProvisioningException e)
        {
            return Error(e.Error);
        }
    }

    public static async Task<IResult> DeleteAsync(Guid provisionedAccountId, FinCloudDbContext db, UserManager<FinCloudUser> users, CancellationToken ct)
    {
        var account = await db.ProvisionedAccounts.SingleOrDefaultAsync(a => a.Id == provisionedAccountId, ct);
        if (account is null)
        {
            return NotFound();
        }

        return await Provisioning.DeleteAsync(account, db, users, ct) is { } error ? Error(error) : Results.NoContent();
    }

    public static IResult ServiceProviderConfig() => new ScimResult(new JsonObject
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"),
        ["patch"] = new JsonObject { ["supported"] = true },
        ["bulk"] = new JsonObject { ["supported"] = false, ["maxOperations"] = 0, ["maxPayloadSize"] = 0 },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = MaxResults },
        ["changePassword"] = new JsonObject { ["supported"] = false },
        ["sort"] = new JsonObject { ["supported"] = false },
        ["etag"] = new JsonObject { ["supported"] = false },
        ["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken",
            ["name"] = "API key",
            ["description"] = "An administrator's FinCloud API key with the scopes scim:read and scim:write, as a bearer token.",
            ["primary"] = true,
        }),
    });

    public static IResult ResourceTypes(HttpRequest request) => new ScimResult(new JsonObject
    {
        ["schemas"] = new JsonArray(ListSchema),
        ["totalResults"] = 1,
        ["Resources"] = new JsonArray(new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:ResourceType"),
            ["id"] = "User",
            ["name"] = "User",
            ["endpoint"] = "/Users",
            ["schema"] = Provisioning.UserSchema,
            ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = $"{Base(request)}/ResourceTypes/User" },
        }),
    });

    private static async Task<IResult> ResourceAsync(ProvisionedAccount account, FinCloudDbContext db, UserManager<FinCloudUser> users, HttpRequest request, int status)
    {
        var user = await users.FindByIdAsync(account.UserId.ToString());
        if (user is null)
        {
            return NotFound();
        }

        var roles = await db.Memberships.AsNoTracking().Where(m => m.UserId == account.UserId).Select(m => m.Role).ToListAsync();
        var location = Location(request, account.Id);
        return new ScimResult(Provisioning.Resource(account, user, roles, location), status, status == 201 ? location : null);
    }

    private static string Base(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/api/scim/v2";

    private static string Location(HttpRequest request, Guid id) => $"{Base(request)}/Users/{id}";

    private static ScimResult NotFound() => Error(new(404, null, "Resource not found."));

    private static ScimResult Error(ProvisioningError error) => new(new JsonObject
    {
        ["schemas"] = new JsonArray(ErrorSchema),
        ["status"] = error.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["scimType"] = error.ScimType,
        ["detail"] = error.Detail,
    }, error.Status);

    /// <summary>
    /// A SCIM body. Not a JSON value result: the API's paging filter would take a <see cref="JsonObject"/> (an
    /// enumerable of its properties) for a list and page it.
    /// </summary>
    private sealed class ScimResult(JsonNode body, int status = 200, string? location = null) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = MediaType;
            if (location is not null)
            {
                httpContext.Response.Headers.Location = location;
            }

            await httpContext.Response.WriteAsync(body.ToJsonString(), httpContext.RequestAborted);
        }
    }
}
