using System.ComponentModel.DataAnnotations;
using FinCloud.Core;
using FinCloud.Core.Features.Continuity;
using FinCloud.Core.Organizations;
using FinCloud.Web.Api;
using FinCloud.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinCloud.Web.Features.Continuity;

public sealed record ScheduleJointDrillRequest(
    [property: Required, StringLength(200, MinimumLength = 2)] string Title,
    [property: Required, StringLength(1000, MinimumLength = 2)] string Scenario,
    DateOnly WindowFrom,
    DateOnly WindowTo,
    DateOnly ReportBy,
    [property: StringLength(500)] string? ExternalInstitutions,
    InstitutionSector? Sector,
    IReadOnlyList<Guid>? InstitutionIds)
{
    public JointDrillInput ToInput() => new(Title, Scenario, WindowFrom, WindowTo, ReportBy, ExternalInstitutions ?? "", Sector, InstitutionIds ?? []);
}

public sealed record RecordJointDrillResultRequest(bool Participated, Guid? DrillId, [property: StringLength(2000)] string? Issues);

/// <summary>What an institution sees of a joint drill: its own participation, never another institution's.</summary>
public sealed record JointDrillInvitationDto(
    Guid ParticipationId, Guid JointDrillId, string Supervisor, string Title, string Scenario, DateOnly WindowFrom, DateOnly WindowTo, DateOnly ReportBy,
    string ExternalInstitutions, ParticipationStatus Status, bool Participated, Guid? DrillId, int SystemsInScope, int SystemsSwitched, int SystemsMissedRto,
    string? Issues, IReadOnlyList<JointDrillSystemOutcome> Systems, DateTimeOffset? SubmittedAt)
{
    public static JointDrillInvitationDto From(JointDrillParticipation p) =>
        new(p.Id, p.JointDrillId, p.SupervisorName, p.Title, p.Scenario, p.WindowFrom, p.WindowTo, p.ReportBy, p.ExternalInstitutions, p.Status, p.Participated, p.DrillId,
            p.SystemsInScope, p.SystemsSwitched, p.SystemsMissedRto, p.Issues, p.Systems, p.SubmittedAt);
}

public sealed record JointDrillSummaryDto(Guid Id, string Title, string Scenario, DateOnly WindowFrom, DateOnly WindowTo, DateOnly ReportBy, string ExternalInstitutions,
    InstitutionSector? Sector, JointDrillStatus Status, int Invited, int Reported, int MissedRto)
{
    public static JointDrillSummaryDto From(JointDrillSummary s) =>
        new(s.Drill.Id, s.Drill.Title, s.Drill.Scenario, s.Drill.WindowFrom, s.Drill.WindowTo, s.Drill.ReportBy, s.Drill.ExternalInstitutions, s.Drill.Sector, s.Drill.Status,
            s.Invited, s.Reported, s.MissedRto);
}

/// <summary>The caller's side of joint drills: a supervisor's scheduled drills, an institution's invitations.</summary>
public sealed record JointDrillListDto(bool Supervisor, IReadOnlyList<JointDrillSummaryDto> Scheduled, IReadOnlyList<JointDrillInvitationDto> Invitations);

public sealed record JointDrillInstitutionDto(Guid OrganizationId, string Name, InstitutionSector? Sector, bool Reported, bool Late, bool? Participated, int? SystemsInScope,
    int? SystemsSwitched, int? SystemsMissedRto, int? CoreSystemsMissedRto, string? Issues, IReadOnlyList<JointDrillSystemOutcome> Systems, DateTimeOffset? SubmittedAt);

public sealed record JointDrillOutcomeDto(JointDrillSummaryDto Drill, int NotReported, int Participated, IReadOnlyList<JointDrillInstitutionDto> Institutions)
{
    public static JointDrillOutcomeDto From(JointDrillOutcome o) =>
        new(JointDrillSummaryDto.From(new JointDrillSummary(o.Drill, o.Invited, o.Reported, o.MissedRto)), o.NotReported, o.Participated,
            [.. o.Institutions.Select(i => new JointDrillInstitutionDto(i.OrganizationId, i.Name, i.Sector, i.Reported, i.Late, i.Result?.Participated, i.Result?.SystemsInScope,
                i.Result?.SystemsSwitched, i.Result?.SystemsMissedRto, i.Result?.CoreSystemsMissedRto, i.Result?.Issues, i.Result?.Systems ?? [], i.Result?.SubmittedAt))]);
}

/// <summary>업권 공동 재해복구 전환훈련 API.</summary>
public static class JointDrillApi
{
    public static void MapJointDrillEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("joint-drills", ListAsync).ActsOnCallerOrganization("the supervisor's scheduled drills or the institution's own invitations");
        group.MapPost("joint-drills", ScheduleAsync).ActsOnCallerOrganization("schedules a joint drill of the calling supervisor").RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new ScheduleJointDrillRequest("2027 은행권 공동 전환훈련", "주전산센터 화재로 대외 결제망 전환", new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 7),
                new DateOnly(2027, 3, 21), "금융결제원", InstitutionSector.Bank, []));
        group.MapGet("joint-drills/{jointDrillId:guid}", OutcomeAsync);
        group.MapPost("joint-drills/{jointDrillId:guid}/close", CloseAsync).RequireAuthorization(Policies.Editor);
        group.MapPost("joint-drill-participations/{participationId:guid}/result", RecordResultAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new RecordJointDrillResultRequest(false, null, "전산센터 이전 작업과 겹쳐 불참"));
        group.MapPost("joint-drill-participations/{participationId:guid}/submit", SubmitAsync).RequireAuthorization(Policies.Editor);
    }

    private static ValidationProblem Problem(IReadOnlyDictionary<string, string> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));

    public static async Task<Ok<JointDrillListDto>> ListAsync(FinCloudDbContext db, CancellationToken ct)
    {
        if (await db.ActsAsAsync(OrganizationKind.Fss, ct))
        {
            return TypedResults.Ok(new JointDrillListDto(true, [.. (await JointDrills.SupervisorListAsync(db, ct)).Select(JointDrillSummaryDto.From)], []));
        }

        return TypedResults.Ok(new JointDrillListDto(false, [], [.. (await JointDrills.InvitationsAsync(db, ct)).Select(JointDrillInvitationDto.From)]));
    }

    public static async Task<Results<Created<JointDrillSummaryDto>, ValidationProblem>> ScheduleAsync(ScheduleJointDrillRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (drill, errors) = await JointDrills.ScheduleAsync(db, request.ToInput(), ct);
        return drill is null ? Problem(errors)
            : TypedResults.Created($"/api/continuity/joint-drills/{drill.Id}", JointDrillSummaryDto.From(new JointDrillSummary(drill, drill.InvitedOrganizationIds.Count, 0, 0)));
    }

    public static async Task<Results<Ok<JointDrillOutcomeDto>, NotFound>> OutcomeAsync(Guid jointDrillId, FinCloudDbContext db, CancellationToken ct) =>
        await JointDrills.OutcomeAsync(db, jointDrillId, ct) is { } outcome ? TypedResults.Ok(JointDrillOutcomeDto.From(outcome)) : TypedResults.NotFound();

    public static async Task<Results<NoContent, NotFound>> CloseAsync(Guid jointDrillId, FinCloudDbContext db, CancellationToken ct) =>
        await JointDrills.CloseAsync(db, jointDrillId, ct) is null ? TypedResults.NotFound() : TypedResults.NoContent();

    public static async Task<Results<Ok<JointDrillInvitationDto>, NotFound, ValidationProblem>> RecordResultAsync(
        Guid participationId, RecordJointDrillResultRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (p, errors) = await JointDrills.RecordResultAsync(db, participationId, new JointDrillResultInput(request.Participated, request.DrillId, request.Issues), ct);
        return p is null ? TypedResults.NotFound() : errors.Count > 0 ? Problem(errors) : TypedResults.Ok(JointDrillInvitationDto.From(p));
    }

    public static async Task<Results<Ok<JointDrillInvitationDto>, NotFound, Conflict<string>>> SubmitAsync(Guid participationId, FinCloudDbContext db, CancellationToken ct)
    {
        var (p, error) = await JointDrills.SubmitAsync(db, participationId, ct);
        return p is null ? TypedResults.NotFound() : error is not null ? TypedResults.Conflict(error) : TypedResults.Ok(JointDrillInvitationDto.From(p));
    }
}
