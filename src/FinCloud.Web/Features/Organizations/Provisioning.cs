using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Identity;
using FinCloud.Core.Persistence;
using FinCloud.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Organizations;

/// <summary>
/// What a provider says of a person, read from a SCIM User resource or built up by PATCH operations. Attribute names
/// are case-insensitive (RFC 7643 §2.1); attributes FinCloud does not keep (title, department, phone numbers, the
/// enterprise extension…) are ignored, as providers send them by default.
/// </summary>
/// <param name="Roles">The provider's <c>roles</c>, when it manages them (Entra ID app roles); null leaves the roles to FinCloud's administrators.</param>
public sealed record ProvisionedPerson(string? UserName, string? ExternalId, string? DisplayName, string? GivenName, string? FamilyName, string? Email, bool Active,
    IReadOnlyList<OrganizationRole>? Roles = null)
{
    /// <summary>The name FinCloud shows: <c>displayName</c>, else the family and given names in Korean order, else the address's local part.</summary>
    public string Name =>
        DisplayName is { Length: > 0 } d ? d
        : $"{FamilyName}{GivenName}".Trim() is { Length: > 0 } n ? n
        : (Address ?? "").Split('@')[0];

    /// <summary>The work address: <c>emails</c>, else the user name when it is an address.</summary>
    public string? Address => Email is { Length: > 0 } ? Email : UserName;
}

/// <summary>A refusal, in SCIM's own error shape (RFC 7644 §3.12).</summary>
public sealed record ProvisioningError(int Status, string? ScimType, string Detail);

/// <summary>
/// 자동 프로비저닝: the organisation's identity provider (Entra ID, Okta, Keycloak…) creates, updates, deactivates and
/// deletes members over SCIM 2.0, with an administrator's API key, for addresses in the organisation's 기관 SSO
/// e-mail domains. A provisioned person gets an account (no password: they sign in with 기관 SSO, or set one with
/// 비밀번호 찾기) and the provider's roles when it sends them, else 담당자, which administrators change as for any
/// member. Deactivating takes every role away and ends the person's sessions; activating again gives roles back.
/// Every change is audited in the same transaction; the trail records states, never names or addresses.
/// </summary>
public static partial class Provisioning
{
    /// <summary>The role a newly provisioned or reactivated person holds.</summary>
    public const OrganizationRole DefaultRole = OrganizationRole.Officer;

    public static async Task<(ProvisionedAccount? Account, ProvisioningError? Error)> CreateAsync(
        ProvisionedPerson person, FinCloudDbContext db, UserManager<FinCloudUser> users, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (await CheckAsync(person, null, db, ct) is { } invalid)
        {
            return (null, invalid);
        }

        var email = person.Address!.Trim().ToLowerInvariant();
        var now = db.Clock.GetUtcNow();
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        var user = await users.FindByEmailAsync(email);
        string how;
        if (user is not null)
        {
            if (await db.ProvisionedAccounts.AnyAsync(a => a.UserId == user.Id, ct))
            {
                return (null, new(409, "uniqueness", "This person is already provisioned under another userName."));
            }

            var member = await db.Memberships.AnyAsync(m => m.UserId == user.Id, ct);
            var own = db.Tenant.RequireOrganization();
            if (!member && await db.Memberships.AcrossTenants(AcrossTenantsReason.Provisioning).AnyAsync(m => m.UserId == user.Id && m.OrganizationId != own, ct))
            {
                return (null, new(409, "uniqueness", "The address belongs to a member of another organisation; an operator must move the person."));
            }

            how = member ? "linked" : "adopted";
        }
        else
        {
            user = new FinCloudUser
            {
                Id = Guid.CreateVersion7(now),
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = Trimmed(person.Name, Invitation.MaxNameLength),
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return (null, new(400, "invalidValue", string.Join(' ', created.Errors.Select(e => e.Description))));
            }

            how = "created";
        }

        var account = ProvisionedAccount.Create(user.Id, person.UserName!.Trim(), Normalized(person.ExternalId), person.Active, now);
        db.ProvisionedAccounts.Add(account);
        db.Audit(AuditEventType.MemberProvisioned, nameof(ProvisionedAccount), account.Id, after: $"{how}; {account.Describe()}");
        if ((await ApplyRolesAsync(account, user.Id, person.Active, person.Roles, db, ct)).Error is { } refused)
        {
            return (null, refused);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (account, null);
    }

    /// <summary>PUT and PATCH: the provider's values replace the account's; the person's roles follow <c>active</c>.</summary>
    public static async Task<ProvisioningError?> ReplaceAsync(
        ProvisionedAccount account, ProvisionedPerson person, FinCloudDbContext db, UserManager<FinCloudUser> users, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(person);
        if (await CheckAsync(person, account, db, ct) is { } invalid)
        {
            return invalid;
        }

        var user = await users.FindByIdAsync(account.UserId.ToString());
        if (user is null)
        {
            return new(404, null, "Resource not found.");
        }

        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        var email = person.Address!.Trim().ToLowerInvariant();
        var name = Trimmed(person.Name, Invitation.MaxNameLength);
        var changes = new List<string>();
        if (!string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase))
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                return new(409, "uniqueness", "Another account already has this address.");
            }

            user.Email = user.UserName = email;
            user.EmailConfirmed = true;
            changes.Add("address changed");
        }

        if (user.DisplayName != name)
        {
            user.DisplayName = name;
            changes.Add("name changed");
        }

        if (changes.Count > 0)
        {
            var updated = await users.UpdateAsync(user);
            if (!updated.Succeeded)
            {
                return new(400, "invalidValue", string.Join(' ', updated.Errors.Select(e => e.Description)));
            }
        }

        var before = account.Describe();
        var wasActive = account.Active;
        if (account.Update(person.UserName!.Trim(), Normalized(person.ExternalId), person.Active, db.Clock.GetUtcNow()) || changes.Count > 0)
        {
            if (wasActive != person.Active)
            {
                changes.Add(account.Describe());
            }

            db.Audit(AuditEventType.ProvisionedAccountChanged, nameof(ProvisionedAccount), account.Id, before: before,
                after: changes.Count > 0 ? string.Join("; ", changes) : "identifiers changed");
        }

        var (refused, rolesChanged) = await ApplyRolesAsync(account, account.UserId, person.Active, person.Roles, db, ct);
        if (refused is not null)
        {
            return refused;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (rolesChanged || changes.Contains("address changed"))
        {
            await users.UpdateSecurityStampAsync(user);
        }

        return null;
    }

    /// <summary>DELETE: the person leaves the organisation; the account stays for the audit trail's references.</summary>
    public static async Task<ProvisioningError?> DeleteAsync(ProvisionedAccount account, FinCloudDbContext db, UserManager<FinCloudUser> users, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        if ((await ApplyRolesAsync(account, account.UserId, false, null, db, ct)).Error is { } refused)
        {
            return refused;
        }

        db.ProvisionedAccounts.Remove(account);
        db.Audit(AuditEventType.ProvisionedAccountDeleted, nameof(ProvisionedAccount), account.Id, before: account.Describe(), after: "deleted");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (await users.FindByIdAsync(account.UserId.ToString()) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        return null;
    }

    /// <summary>
    /// Active: the person holds the provider's roles when it sends some (담당자 when it sends none), else keeps theirs
    /// (담당자 when they have none). Inactive: no role. The organisation's last administrator is never taken away. Returns whether roles changed.
    /// </summary>
    private static async Task<(ProvisioningError? Error, bool Changed)> ApplyRolesAsync(
        ProvisionedAccount account, Guid userId, bool active, IReadOnlyList<OrganizationRole>? roles, FinCloudDbContext db, CancellationToken ct)
    {
        var memberships = await db.Memberships.Where(m => m.UserId == userId).ToListAsync(ct);
        var current = memberships.Select(m => m.Role).Order().ToList();
        List<OrganizationRole> wanted = !active ? []
            : roles is { Count: > 0 } ? [.. roles.Distinct().Order()]
            : roles is null && current.Count > 0 ? current
            : [DefaultRole];
        if (wanted.SequenceEqual(current))
        {
            return (null, false);
        }

        if (current.Contains(OrganizationRole.Administrator) && !wanted.Contains(OrganizationRole.Administrator) &&
            !await db.Memberships.AnyAsync(m => m.Role == OrganizationRole.Administrator && m.UserId != userId, ct))
        {
            return (new(400, "mutability", "The organisation's last administrator cannot lose that role; make another member an administrator first."), false);
        }

        var now = db.Clock.GetUtcNow();
        var removed = memberships.Where(m => !wanted.Contains(m.Role)).ToList();
        var added = wanted.Where(r => !current.Contains(r)).Select(r => Membership.Grant(userId, r, now)).ToList();
        db.Memberships.RemoveRange(removed);
        db.Memberships.AddRange(added);
        if (current.Count > 0 && wanted.Count > 0)
        {
            db.Audit(AuditEventType.MemberRolesChanged, nameof(FinCloudUser), userId, before: string.Join(',', current), after: $"{string.Join(',', wanted)}; provisioned {account.Id}");
        }
        else
        {
            foreach (var m in removed)
            {
                db.Audit(AuditEventType.MemberRemoved, nameof(Membership), m.Id, before: $"role={m.Role}", after: $"deprovisioned {account.Id}");
            }

            foreach (var m in added)
            {
                db.Audit(AuditEventType.MemberAdded, nameof(Membership), m.Id, after: $"role={m.Role}; provisioned {account.Id}");
            }
        }

        return (null, true);
    }

    /// <summary>The checks of POST and PUT, each naming its attribute.</summary>
    private static async Task<ProvisioningError?> CheckAsync(ProvisionedPerson person, ProvisionedAccount? existing, FinCloudDbContext db, CancellationToken ct)
    {
        var userName = person.UserName?.Trim() ?? "";
        if (userName.Length is 0 or > ProvisionedAccount.MaxUserNameLength)
        {
            return new(400, "invalidValue", $"userName is required, at most {ProvisionedAccount.MaxUserNameLength} characters.");
        }

        if (person.ExternalId?.Length > ProvisionedAccount.MaxExternalIdLength)
        {
            return new(400, "invalidValue", $"externalId may have at most {ProvisionedAccount.MaxExternalIdLength} characters.");
        }

        var email = person.Address?.Trim() ?? "";
        if (email.Length is 0 or > 256 || !new EmailAddressAttribute().IsValid(email))
        {
            return new(400, "invalidValue", "emails (or a userName that is an address) must hold a valid work e-mail address.");
        }

        var normalized = ProvisionedAccount.Normalize(userName);
        if (await db.ProvisionedAccounts.AnyAsync(a => a.NormalizedUserName == normalized && a.Id != (existing == null ? Guid.Empty : existing.Id), ct))
        {
            return new(409, "uniqueness", "Another provisioned member has this userName.");
        }

        // As with SSO sign-in, the provider is believed only for the organisation's own domains (which no other
        // organisation can name): it cannot make accounts elsewhere, nor learn whether an outside address has one.
        var domain = SingleSignOn.DomainOf(email);
        var ownDomains = (await SingleSignOnAdministration.LoadAsync(db, ct))?.DomainList ?? [];
        if (domain is null || !ownDomains.Contains(domain))
        {
            return new(400, "invalidValue", "The address must be in one of the organisation's 기관 SSO e-mail domains (관리 → 기관 SSO).");
        }

        return null;
    }

    private static string? Normalized(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Trimmed(string value, int max)
    {
        var trimmed = value.Trim();
        return trimmed.Length > max ? trimmed[..max].Trim() : trimmed;
    }

    /// <summary>Reads a User resource (POST, PUT): what it leaves out is empty, and <c>active</c> defaults to true.</summary>
    public static ProvisionedPerson Read(JsonElement user)
    {
        if (user.ValueKind != JsonValueKind.Object)
        {
            return new(null, null, null, null, null, null, true);
        }

        var person = new ProvisionedPerson(null, null, null, null, null, null, true);
        foreach (var property in user.EnumerateObject())
        {
            person = Set(person, property.Name, property.Value);
        }

        return person;
    }

    /// <summary>One attribute (or a sub-attribute path such as <c>name.givenName</c>) set from a JSON value.</summary>
    private static ProvisionedPerson Set(ProvisionedPerson person, string path, JsonElement value)
    {
        var attribute = path.StartsWith(UserSchema + ":", StringComparison.OrdinalIgnoreCase) ? path[(UserSchema.Length + 1)..] : path;
        switch (attribute.ToLowerInvariant())
        {
            case "username":
                return person with { UserName = Text(value) };
            case "externalid":
                return person with { ExternalId = Text(value) };
            case "displayname":
                return person with { DisplayName = Text(value) };
            case "active":
                return person with { Active = Flag(value) ?? throw new ProvisioningException(new(400, "invalidValue", "active must be true or false.")) };
            case "name" when value.ValueKind == JsonValueKind.Object:
                foreach (var part in value.EnumerateObject())
                {
                    person = Set(person, "name." + part.Name, part.Value);
                }

                return person;
            case "name.givenname":
                return person with { GivenName = Text(value) };
            case "name.familyname":
                return person with { FamilyName = Text(value) };
            case "name.formatted" when person.DisplayName is null:
                return person with { DisplayName = Text(value) };
            case "emails" when value.ValueKind == JsonValueKind.Array:
                return person with { Email = PreferredEmail(value) ?? person.Email };
            case "emails.value" or "emails[type eq \"work\"].value" or "emails[primary eq true].value":
                return person with { Email = Text(value) };
            case "roles":
                return person with { Roles = ReadRoles(value) };
            default:
                return person;
        }
    }

    /// <summary>The primary address, else the work one, else the first.</summary>
    private static string? PreferredEmail(JsonElement emails)
    {
        var all = emails.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).ToList();
        var chosen = all.FirstOrDefault(e => Flag(Member(e, "primary")) == true);
        if (chosen.ValueKind == JsonValueKind.Undefined)
        {
            chosen = all.FirstOrDefault(e => string.Equals(Text(Member(e, "type")), "work", StringComparison.OrdinalIgnoreCase));
        }

        if (chosen.ValueKind == JsonValueKind.Undefined)
        {
            chosen = all.FirstOrDefault();
        }

        return chosen.ValueKind == JsonValueKind.Undefined ? null : Text(Member(chosen, "value"));
    }

    /// <summary>
    /// Applies a PatchOp (RFC 7644 §3.5.2) to the account's current values. <c>op</c> is matched without case and
    /// booleans may come as the strings "True" and "False", as Entra ID sends them.
    /// </summary>
    public static ProvisionedPerson Patch(ProvisionedPerson current, JsonElement patch)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (patch.ValueKind != JsonValueKind.Object || Member(patch, "Operations") is not { ValueKind: JsonValueKind.Array } operations)
        {
            throw new ProvisioningException(new(400, "invalidSyntax", "A PatchOp needs an Operations array."));
        }

        var person = current;
        foreach (var operation in operations.EnumerateArray())
        {
            var op = Text(Member(operation, "op"))?.ToLowerInvariant();
            var path = Text(Member(operation, "path"));
            var value = Member(operation, "value");
            switch (op)
            {
                case "add" or "replace" when path is null && value.ValueKind == JsonValueKind.Object:
                    foreach (var property in value.EnumerateObject())
                    {
                        person = Set(person, property.Name, property.Value);
                    }

                    break;
                case "add" when string.Equals(path, "roles", StringComparison.OrdinalIgnoreCase) && value.ValueKind != JsonValueKind.Undefined:
                    person = person with { Roles = [.. (person.Roles ?? []).Union(ReadRoles(value))] };
                    break;
                case "add" or "replace" when path is not null && value.ValueKind != JsonValueKind.Undefined:
                    person = Set(person, path, value);
                    break;
                case "remove" when path is not null && RoleFilter().Match(path) is { Success: true } one:
                    var role = RoleOf(Regex.Unescape(one.Groups["value"].Value));
                    person = person with { Roles = [.. (person.Roles ?? []).Where(r => r != role)] };
                    break;
                case "remove" when path is not null:
                    person = Remove(person, path);
                    break;
                default:
                    throw new ProvisioningException(new(400, "invalidSyntax", $"Each operation needs op add, replace (with a value) or remove (with a path); got '{op}'."));
            }
        }

        return person;
    }

    private static ProvisionedPerson Remove(ProvisionedPerson person, string path) => path.ToLowerInvariant() switch
    {
        "username" or "active" => throw new ProvisioningException(new(400, "mutability", $"{path} cannot be removed.")),
        "externalid" => person with { ExternalId = null },
        "displayname" => person with { DisplayName = null },
        "name.givenname" => person with { GivenName = null },
        "name.familyname" => person with { FamilyName = null },
        "roles" => person with { Roles = [] },
        _ => person,
    };

    /// <summary>
    /// <c>roles</c> (RFC 7643 §4.1.2): each entry's <c>value</c> (or a bare string) names a role, as the API writes it
    /// (<c>officer</c>, <c>ciso</c>, <c>committee-member</c>, <c>auditor</c>, <c>administrator</c>) or in Korean.
    /// </summary>
    private static List<OrganizationRole> ReadRoles(JsonElement value)
    {
        var entries = value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : new List<JsonElement> { value };
        return [.. entries.Select(e => RoleOf(Text(e.ValueKind == JsonValueKind.Object ? Member(e, "value") : e)))];
    }

    private static readonly Dictionary<string, OrganizationRole> RoleNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["officer"] = OrganizationRole.Officer, ["담당자"] = OrganizationRole.Officer,
        ["ciso"] = OrganizationRole.Ciso, ["정보보호최고책임자"] = OrganizationRole.Ciso,
        ["committeemember"] = OrganizationRole.CommitteeMember, ["위원"] = OrganizationRole.CommitteeMember, ["정보보호위원회위원"] = OrganizationRole.CommitteeMember,
        ["auditor"] = OrganizationRole.Auditor, ["감사"] = OrganizationRole.Auditor,
        ["administrator"] = OrganizationRole.Administrator, ["관리자"] = OrganizationRole.Administrator,
    };

    private static OrganizationRole RoleOf(string? name) =>
        RoleNames.TryGetValue(string.Concat((name ?? "").Where(c => c is not ('-' or '_' or ' '))), out var role)
            ? role
            : throw new ProvisioningException(new(400, "invalidValue", $"roles: unknown role '{name}'; use officer, ciso, committee-member, auditor or administrator."));

    /// <summary>The role's name as the API writes it.</summary>
    public static string RoleName(OrganizationRole role) => JsonNamingPolicy.KebabCaseLower.ConvertName(role.ToString());

    [GeneratedRegex("""^roles\[value eq "(?<value>(?:[^"\\]|\\.)*)"\]$""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex RoleFilter();

    private static JsonElement Member(JsonElement element, string name)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return property.Value;
                }
            }
        }

        return default;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };

    private static bool? Flag(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
        _ => null,
    };

    public const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";

    /// <summary>The filters providers use to find a person before creating them: <c>userName</c>, <c>externalId</c>, <c>id</c> or the address, with <c>eq</c>.</summary>
    public static (string Attribute, string Value)? ParseFilter(string filter)
    {
        var match = FilterPattern().Match(filter);
        if (!match.Success)
        {
            return null;
        }

        var attribute = match.Groups["attribute"].Value.ToLowerInvariant() switch
        {
            "username" => "userName",
            "externalid" => "externalId",
            "id" => "id",
            "emails.value" or "emails[type eq \"work\"].value" or "emails" => "email",
            _ => null,
        };
        return attribute is null ? null : (attribute, Regex.Unescape(match.Groups["value"].Value));
    }

    [GeneratedRegex("""^\s*(?<attribute>[A-Za-z0-9_.:-]+(?:\[[^\]]*\])?(?:\.[A-Za-z]+)?)\s+eq\s+"(?<value>(?:[^"\\]|\\.)*)"\s*$""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex FilterPattern();

    internal static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The account as a SCIM User resource.</summary>
    public static JsonObject Resource(ProvisionedAccount account, FinCloudUser user, IEnumerable<OrganizationRole> roles, string location) => new()
    {
        ["schemas"] = new JsonArray(UserSchema),
        ["id"] = account.Id.ToString(),
        ["externalId"] = account.ExternalId,
        ["userName"] = account.UserName,
        ["displayName"] = user.DisplayName,
        ["name"] = new JsonObject { ["formatted"] = user.DisplayName },
        ["active"] = account.Active,
        ["emails"] = new JsonArray(new JsonObject { ["value"] = user.Email, ["type"] = "work", ["primary"] = true }),
        ["roles"] = new JsonArray([.. roles.Order().Select(r => new JsonObject { ["value"] = RoleName(r) })]),
        ["meta"] = new JsonObject
        {
            ["resourceType"] = "User",
            ["created"] = Iso(account.CreatedAt),
            ["lastModified"] = Iso(account.UpdatedAt),
            ["location"] = location,
        },
    };
}

/// <summary>A request the SCIM endpoints refuse; carries the error to answer with.</summary>
public sealed class ProvisioningException(ProvisioningError error) : Exception(error?.Detail)
{
    public ProvisioningError Error { get; } = error!;
}
