using System.ComponentModel.DataAnnotations;
using FinCloud.Core;
using FinCloud.Core.Features.Continuity;
using FinCloud.Rules;
using FinCloud.Web.Api;
using FinCloud.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Continuity;

public sealed record CreateProcedureRequest(
    DisasterScenario Scenario,
    [property: Required, StringLength(200, MinimumLength = 1)] string Title,
    [property: Required, StringLength(20_000, MinimumLength = 1)] string Steps,
    DateOnly ReviewedOn);

/// <summary>A new version of an existing procedure (same scenario); the version it replaces is superseded.</summary>
public sealed record ReviseProcedureRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string Title,
    [property: Required, StringLength(20_000, MinimumLength = 1)] string Steps,
    DateOnly ReviewedOn);

public sealed record ReviewProcedureRequest(DateOnly ReviewedOn);

public sealed record SaveRoleRequest(
    [property: Required, StringLength(100, MinimumLength = 1)] string Body,
    [property: Required, StringLength(100, MinimumLength = 1)] string Role,
    [property: Required, StringLength(2000, MinimumLength = 1)] string Responsibilities,
    Guid? HolderId,
    Guid? DeputyId);

/// <summary>One version of a response procedure with what the plan page shows of it: current or superseded, stale or not.</summary>
public sealed record EmergencyProcedureDto(Guid Id, DisasterScenario Scenario, int Version, string Title, string Steps, DateOnly ReviewedOn, DateOnly ReviewDueOn,
    bool IsCurrent, bool IsStale)
{
    public static EmergencyProcedureDto From(EmergencyProcedure p, DateOnly today) =>
        new(p.Id, p.Scenario, p.Version, p.Title, p.Steps, p.ReviewedOn, p.ReviewedOn.AddMonths(12), p.IsCurrent, p.IsStale(today));
}

/// <summary>A role of the response organisation; holder and deputy are user ids (names stay on the plan page).</summary>
public sealed record EmergencyRoleDto(Guid Id, string Body, string Role, string Responsibilities, Guid? HolderId, Guid? DeputyId, bool IsVacant)
{
    public static EmergencyRoleDto From(EmergencyRole r) => new(r.Id, r.Body, r.Role, r.Responsibilities, r.HolderId, r.DeputyId, r.HolderId is null);
}

/// <summary>비상대책 API: versioned response procedures per scenario and the roles of the response organisation.</summary>
public static class EmergencyPlanApi
{
    public static RouteGroupBuilder MapEmergencyPlanEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("procedures", ProceduresAsync).ActsOnCallerOrganization("the caller's own emergency procedures");
        group.MapGet("procedures/{procedureId:guid}", ProcedureAsync);
        group.MapPost("procedures", CreateProcedureAsync).ActsOnCallerOrganization("adds a procedure version to the caller's emergency plan").RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new CreateProcedureRequest(DisasterScenario.Fire, "주전산센터 화재 대응 절차", "1. 상황 전파\n2. 비상대책위원회 소집\n3. 재해복구센터 전환 선언",
                new DateOnly(2026, 3, 2)));
        group.MapPost("procedures/{procedureId:guid}/versions", ReviseProcedureAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new ReviseProcedureRequest("주전산센터 화재 대응 절차", "1. 상황 전파\n2. 비상대책위원회 소집\n3. 재해복구센터 전환 선언\n4. 대외기관 통보",
                new DateOnly(2026, 3, 2)));
        group.MapPost("procedures/{procedureId:guid}/review", ReviewProcedureAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new ReviewProcedureRequest(new DateOnly(2026, 3, 2)));
        group.MapGet("roles", RolesAsync).ActsOnCallerOrganization("the caller's own response organisation");
        group.MapGet("roles/{roleId:guid}", RoleAsync);
        group.MapPost("roles", CreateRoleAsync).ActsOnCallerOrganization("adds a role to the caller's response organisation").RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new SaveRoleRequest("비상대책위원회", "위원장", "비상사태 선포, 재해복구센터 전환 승인", null, null));
        group.MapPut("roles/{roleId:guid}", UpdateRoleAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new SaveRoleRequest("복구팀", "팀장", "시스템별 복구 지휘, 복구 결과 보고", null, null));
        return group;
    }

    private static ValidationProblem Problem(IReadOnlyDictionary<string, string> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));

    /// <summary>Every version, the current ones first per scenario; <c>?scenario=fire</c> (kebab-case, as in JSON) and <c>?current=true</c> narrow it.</summary>
    public static async Task<Results<Ok<List<EmergencyProcedureDto>>, ValidationProblem>> ProceduresAsync(FinCloudDbContext db, string? scenario, bool? current, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var today = KoreanTime.Today(db.Clock);
        var query = db.EmergencyProcedures.AsNoTracking();
        if (!string.IsNullOrEmpty(scenario))
        {
            if (!Enum.TryParse<DisasterScenario>(scenario.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var s) || !Enum.IsDefined(s)
                || int.TryParse(scenario, out _))
            {
                return Problem(new Dictionary<string, string> { ["scenario"] = "data-centre-loss, fire, network, csp-outage, third-party-outage 중 하나여야 합니다" });
            }

            query = query.Where(p => p.Scenario == s);
        }

        if (current is { } c)
        {
            query = query.Where(p => p.IsCurrent == c);
        }

        // Scenarios are stored by name: order them as the plan page does, in memory (a plan holds a few dozen versions).
        var list = (await query.ToListAsync(ct)).OrderBy(p => p.Scenario).ThenByDescending(p => p.Version).ThenBy(p => p.Id);
        return TypedResults.Ok(list.Select(p => EmergencyProcedureDto.From(p, today)).ToList());
    }

    public static async Task<Results<Ok<EmergencyProcedureDto>, NotFound>> ProcedureAsync(Guid procedureId, FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var p = await db.EmergencyProcedures.AsNoTracking().SingleOrDefaultAsync(x => x.Id == procedureId, ct);
        return p is null ? TypedResults.NotFound() : TypedResults.Ok(EmergencyProcedureDto.From(p, KoreanTime.Today(db.Clock)));
    }

    public static async Task<Results<Created<EmergencyProcedureDto>, ValidationProblem>> CreateProcedureAsync(CreateProcedureRequest r, FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(db);
        var today = KoreanTime.Today(db.Clock);
        var errors = ContinuityValidation.Procedure(r.Title, r.Steps, r.ReviewedOn, today);
        if (!Enum.IsDefined(r.Scenario))
        {
            errors["scenario"] = "재해 시나리오를 선택하세요";
        }

        if (errors.Count > 0)
        {
            return Problem(errors);
        }

        var created = await EmergencyPlan.NewVersionAsync(db, r.Scenario, r.Title, r.Steps, r.ReviewedOn, ct);
        return TypedResults.Created($"/api/continuity/procedures/{created.Id}", EmergencyProcedureDto.From(created, today));
    }

    public static async Task<Results<Created<EmergencyProcedureDto>, NotFound, Conflict<string>, ValidationProblem>> ReviseProcedureAsync(
        Guid procedureId, ReviseProcedureRequest r, FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(db);
        var (existing, superseded) = await VersionAsync(db, procedureId, ct);
        if (existing is null)
        {
            return TypedResults.NotFound();
        }

        if (superseded)
        {
            return TypedResults.Conflict("superseded");
        }

        var today = KoreanTime.Today(db.Clock);
        var errors = ContinuityValidation.Procedure(r.Title, r.Steps, r.ReviewedOn, today);
        if (errors.Count > 0)
        {
            return Problem(errors);
        }

        var created = await EmergencyPlan.NewVersionAsync(db, existing.Scenario, r.Title, r.Steps, r.ReviewedOn, ct);
        return TypedResults.Created($"/api/continuity/procedures/{created.Id}", EmergencyProcedureDto.From(created, today));
    }

    public static async Task<Results<Ok<EmergencyProcedureDto>, NotFound, Conflict<string>, ValidationProblem>> ReviewProcedureAsync(
        Guid procedureId, ReviewProcedureRequest r, FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(db);
        var (existing, superseded) = await VersionAsync(db, procedureId, ct);
        if (existing is null)
        {
            return TypedResults.NotFound();
        }

        if (superseded)
        {
            return TypedResults.Conflict("superseded");
        }

        var today = KoreanTime.Today(db.Clock);
        if (r.ReviewedOn > today)
        {
            return Problem(new Dictionary<string, string> { ["reviewedOn"] = "검토일이 미래입니다" });
        }

        if (r.ReviewedOn < existing.ReviewedOn)
        {
            return Problem(new Dictionary<string, string> { ["reviewedOn"] = "검토일이 마지막 검토일보다 이전입니다" });
        }

        var reviewed = await EmergencyPlan.ReviewAsync(db, procedureId, r.ReviewedOn, ct);
        return TypedResults.Ok(EmergencyProcedureDto.From(reviewed!, today));
    }

    /// <summary>
    /// The version a revision or a review applies to. Only the current version may change: changing an older one would
    /// fork the history, so the caller is told it is superseded.
    /// </summary>
    private static async Task<(EmergencyProcedure? Procedure, bool Superseded)> VersionAsync(FinCloudDbContext db, Guid procedureId, CancellationToken ct)
    {
        var procedure = await db.EmergencyProcedures.AsNoTracking().SingleOrDefaultAsync(p => p.Id == procedureId, ct);
        return (procedure, procedure is { IsCurrent: false });
    }

    public static async Task<Ok<List<EmergencyRoleDto>>> RolesAsync(FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var roles = await db.EmergencyRoles.AsNoTracking().OrderBy(r => r.Body).ThenBy(r => r.Role).ThenBy(r => r.Id).ToListAsync(ct);
        return TypedResults.Ok(roles.Select(EmergencyRoleDto.From).ToList());
    }

    public static async Task<Results<Ok<EmergencyRoleDto>, NotFound>> RoleAsync(Guid roleId, FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var role = await db.EmergencyRoles.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roleId, ct);
        return role is null ? TypedResults.NotFound() : TypedResults.Ok(EmergencyRoleDto.From(role));
    }

    public static async Task<Results<Created<EmergencyRoleDto>, ValidationProblem>> CreateRoleAsync(SaveRoleRequest r, FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(db);
        var errors = await CheckRoleAsync(r, db, ct);
        if (errors.Count > 0)
        {
            return Problem(errors);
        }

        var role = await EmergencyPlan.AddRoleAsync(db, r.Body, r.Role, r.Responsibilities, r.HolderId, r.DeputyId, ct);
        return TypedResults.Created($"/api/continuity/roles/{role.Id}", EmergencyRoleDto.From(role));
    }

    public static async Task<Results<Ok<EmergencyRoleDto>, NotFound, ValidationProblem>> UpdateRoleAsync(Guid roleId, SaveRoleRequest r, FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.EmergencyRoles.AnyAsync(x => x.Id == roleId, ct))
        {
            return TypedResults.NotFound();
        }

        var errors = await CheckRoleAsync(r, db, ct);
        if (errors.Count > 0)
        {
            return Problem(errors);
        }

        var role = await EmergencyPlan.UpdateRoleAsync(db, roleId, r.Body, r.Role, r.Responsibilities, r.HolderId, r.DeputyId, ct);
        return TypedResults.Ok(EmergencyRoleDto.From(role!));
    }

    private static async Task<Dictionary<string, string>> CheckRoleAsync(SaveRoleRequest r, FinCloudDbContext db, CancellationToken ct)
    {
        var errors = ContinuityValidation.Role(r.Body, r.Role, r.Responsibilities);
        foreach (var (field, message) in await EmergencyPlan.CheckPeopleAsync(db, r.HolderId, r.DeputyId, ct))
        {
            errors[field] = message;
        }

        return errors;
    }
}
