using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Identity;
using FinCloud.Core.Tenancy;
using FinCloud.Rules;
using FinCloud.Rules.Rulebooks;
using FinCloud.Web.Api;
using FinCloud.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.CloudUse;

public sealed record ConstituteCommitteeRequest([property: Required, StringLength(200, MinimumLength = 2)] string Name, [property: Range(1, 50)] int Quorum);

public sealed record ScheduleMeetingRequest([property: Required, StringLength(200, MinimumLength = 2)] string Title, DateOnly HeldOn);

public sealed record RecordVoteRequest(Guid MemberId, VoteChoice Choice);

public sealed record ResolveRequest([property: Required, StringLength(4000, MinimumLength = 2)] string Text, bool FlaggedMaterial);

public sealed record MemberDto(Guid Id, Guid UserId, string DisplayName, bool IsChair);

public sealed record AgendaItemDto(Guid Id, Guid MeetingId, AgendaSubjectKind SubjectKind, Guid SubjectId, int SubjectVersion, string Title, ResolutionOutcome? Outcome, string? ResolutionText, bool FlaggedMaterial, int VotesFor, int VotesAgainst, int VotesAbstain);

public sealed record MeetingDto(Guid Id, string Title, DateOnly HeldOn, IReadOnlyList<AgendaItemDto> Agenda);

public sealed record CommitteeDto(Guid Id, string Name, int Quorum, IReadOnlyList<MemberDto> Members, IReadOnlyList<MeetingDto> Meetings);

public sealed record ResolutionDto(AgendaItemDto Item, bool BoardReportCreated);

/// <summary>정보보호위원회 (제8조의2): members, meetings, agenda items, votes and resolutions.</summary>
public static class CommitteeApi
{
    public static RouteGroupBuilder MapCommitteeEndpoints(this RouteGroupBuilder parent)
    {
        var group = parent.MapGroup("committee").WithTags("Security committee");
        group.MapGet("", GetAsync).ActsOnCallerOrganization("the caller's committee");
        group.MapPut("", ConstituteAsync).RequireAuthorization(Policies.Editor).ActsOnCallerOrganization("constitutes the caller's committee")
            .WithExampleRequest(new ConstituteCommitteeRequest("정보보호위원회", 2));
        group.MapPost("members/{userId:guid}", AppointAsync).RequireAuthorization(Policies.Editor);
        group.MapPost("meetings", ScheduleAsync).RequireAuthorization(Policies.Editor).ActsOnCallerOrganization("schedules a meeting of the caller's committee")
            .WithExampleRequest(new ScheduleMeetingRequest("2026년 제4차 정보보호위원회", new DateOnly(2026, 12, 1)));
        group.MapPost("meetings/{meetingId:guid}/agenda/cases/{caseId:guid}", TableCaseAsync).RequireAuthorization(Policies.Editor);
        group.MapPost("agenda/{agendaItemId:guid}/votes", VoteAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new RecordVoteRequest(Guid.Empty, VoteChoice.For));
        group.MapPost("agenda/{agendaItemId:guid}/resolution", ResolveAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new ResolveRequest("원안 가결", true));
        group.MapGet("meetings/{meetingId:guid}/minutes", MinutesAsync);
        return group;
    }

    public static async Task<SecurityCommittee> EnsureCommitteeAsync(FinCloudDbContext db, CancellationToken ct)
    {
        var committee = await db.SecurityCommittees.SingleOrDefaultAsync(ct);
        if (committee is null)
        {
            committee = SecurityCommittee.Constitute("정보보호위원회", 2, db.Clock.GetUtcNow());
            db.SecurityCommittees.Add(committee);
            db.Audit(AuditEventType.CommitteeConstituted, nameof(SecurityCommittee), committee.Id, after: $"quorum={committee.Quorum}");
        }

        return committee;
    }

    public static async Task<Ok<CommitteeDto>> GetAsync(FinCloudDbContext db, CancellationToken ct)
    {
        var committee = await db.SecurityCommittees.AsNoTracking().SingleOrDefaultAsync(ct);
        if (committee is null)
        {
            return TypedResults.Ok(new CommitteeDto(Guid.Empty, "정보보호위원회", 2, [], []));
        }

        var members = await MembersAsync(db, ct);
        var meetings = await db.CommitteeMeetings.AsNoTracking().OrderByDescending(m => m.HeldOn).ToListAsync(ct);
        var agenda = await AgendaAsync(db, null, ct);
        return TypedResults.Ok(new CommitteeDto(committee.Id, committee.Name, committee.Quorum, members,
            [.. meetings.Select(m => new MeetingDto(m.Id, m.Title, m.HeldOn, [.. agenda.Where(a => a.MeetingId == m.Id)]))]));
    }

    public static async Task<List<MemberDto>> MembersAsync(FinCloudDbContext db, CancellationToken ct)
    {
        var members = await db.CommitteeMembers.AsNoTracking().ToListAsync(ct);
        var ids = members.Select(m => m.UserId).ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return [.. members.OrderByDescending(m => m.IsChair).ThenBy(m => names.GetValueOrDefault(m.UserId)).Select(m => new MemberDto(m.Id, m.UserId, names.GetValueOrDefault(m.UserId, ""), m.IsChair))];
    }

    public static async Task<List<AgendaItemDto>> AgendaAsync(FinCloudDbContext db, Guid? meetingId, CancellationToken ct)
    {
        var items = await db.AgendaItems.AsNoTracking().Where(a => meetingId == null || a.MeetingId == meetingId).OrderBy(a => a.Id).ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var votes = await db.CommitteeVotes.AsNoTracking().Where(v => ids.Contains(v.AgendaItemId)).ToListAsync(ct);
        return [.. items.Select(a => ToDto(a, votes.Where(v => v.AgendaItemId == a.Id).ToList()))];
    }

    private static AgendaItemDto ToDto(AgendaItem a, List<CommitteeVote> votes) =>
        new(a.Id, a.MeetingId, a.SubjectKind, a.SubjectId, a.SubjectVersion, a.Title, a.Outcome, a.ResolutionText, a.FlaggedMaterial,
            votes.Count(v => v.Choice == VoteChoice.For), votes.Count(v => v.Choice == VoteChoice.Against), votes.Count(v => v.Choice == VoteChoice.Abstain));

    public static async Task<Ok<CommitteeDto>> ConstituteAsync(ConstituteCommitteeRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        var committee = await EnsureCommitteeAsync(db, ct);
        var before = committee.Quorum;
        committee.SetQuorum(request.Quorum);
        db.Audit(AuditEventType.CommitteeConstituted, nameof(SecurityCommittee), committee.Id, before: $"quorum={before}", after: $"quorum={committee.Quorum}");
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, ct);
    }

    /// <summary>Appoints a member of the organisation; a CISO becomes the chair (제8조의2②).</summary>
    public static async Task<Results<Ok<CommitteeDto>, NotFound, Conflict<string>>> AppointAsync(Guid userId, FinCloudDbContext db, CancellationToken ct)
    {
        var roles = await db.Memberships.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.Role).ToListAsync(ct);
        if (roles.Count == 0)
        {
            return TypedResults.NotFound();
        }

        var committee = await EnsureCommitteeAsync(db, ct);
        if (await db.CommitteeMembers.AnyAsync(m => m.UserId == userId, ct))
        {
            return TypedResults.Conflict("already-member");
        }

        var chair = roles.Contains(OrganizationRole.Ciso);
        if (chair && await db.CommitteeMembers.AnyAsync(m => m.IsChair, ct))
        {
            return TypedResults.Conflict("chair-taken");
        }

        var member = CommitteeMember.Appoint(committee.Id, userId, chair, db.Clock.GetUtcNow());
        db.CommitteeMembers.Add(member);
        db.Audit(AuditEventType.CommitteeMemberAppointed, nameof(CommitteeMember), member.Id, after: chair ? "chair" : "member");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await GetAsync(db, ct)).Value!);
    }

    public static async Task<Created<MeetingDto>> ScheduleAsync(ScheduleMeetingRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        var committee = await EnsureCommitteeAsync(db, ct);
        var meeting = CommitteeMeeting.Schedule(committee.Id, request.Title, request.HeldOn, db.Clock.GetUtcNow());
        db.CommitteeMeetings.Add(meeting);
        db.Audit(AuditEventType.CommitteeMeetingScheduled, nameof(CommitteeMeeting), meeting.Id, after: $"on={meeting.HeldOn:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/cloud-use/committee/meetings/{meeting.Id}", new MeetingDto(meeting.Id, meeting.Title, meeting.HeldOn, []));
    }

    /// <summary>Puts the case's current version on the agenda; the case is then 상정.</summary>
    public static async Task<Results<Created<AgendaItemDto>, NotFound>> TableCaseAsync(Guid meetingId, Guid caseId, FinCloudDbContext db, CancellationToken ct)
    {
        var meeting = await db.CommitteeMeetings.SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        var c = await db.CloudUseCases.SingleOrDefaultAsync(x => x.Id == caseId, ct);
        if (meeting is null || c is null)
        {
            return TypedResults.NotFound();
        }

        var item = AgendaItem.Table(meeting.Id, AgendaSubjectKind.CloudUseCase, c.Id, c.CurrentVersion,
            string.Create(CultureInfo.InvariantCulture, $"클라우드 이용 심의: {c.Title} (v{c.CurrentVersion})"), db.Clock.GetUtcNow());
        db.AgendaItems.Add(item);
        c.SubmitToCommittee(db.Clock.GetUtcNow());
        db.Audit(AuditEventType.AgendaItemTabled, nameof(AgendaItem), item.Id, after: $"subject={item.SubjectKind}:{item.SubjectId}; version={item.SubjectVersion}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/cloud-use/committee/agenda/{item.Id}", ToDto(item, []));
    }

    public static async Task<Results<Ok<AgendaItemDto>, NotFound, Conflict<string>>> VoteAsync(Guid agendaItemId, RecordVoteRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        var item = await db.AgendaItems.SingleOrDefaultAsync(a => a.Id == agendaItemId, ct);
        if (item is null)
        {
            return TypedResults.NotFound();
        }

        if (item.Outcome is not null)
        {
            return TypedResults.Conflict("resolved");
        }

        if (!await db.CommitteeMembers.AnyAsync(m => m.Id == request.MemberId, ct))
        {
            return TypedResults.Conflict("not-a-member");
        }

        var now = db.Clock.GetUtcNow();
        var vote = await db.CommitteeVotes.SingleOrDefaultAsync(v => v.AgendaItemId == agendaItemId && v.MemberId == request.MemberId, ct);
        if (vote is null)
        {
            vote = CommitteeVote.Cast(agendaItemId, request.MemberId, request.Choice, now);
            db.CommitteeVotes.Add(vote);
        }
        else
        {
            vote.Change(request.Choice, now);
        }

        db.Audit(AuditEventType.CommitteeVoteCast, nameof(CommitteeVote), vote.Id, after: $"item={agendaItemId}; choice={request.Choice}");
        await db.SaveChangesAsync(ct);
        var votes = await db.CommitteeVotes.AsNoTracking().Where(v => v.AgendaItemId == agendaItemId).ToListAsync(ct);
        return TypedResults.Ok(ToDto(item, votes));
    }

    /// <summary>
    /// 의결: needs the quorum; an approval locks the case version it names. A resolution the CISO flags as material becomes a
    /// 이사회 report item when the board-reporting rule in force requires it (from 2025-08-05).
    /// </summary>
    public static async Task<Results<Ok<ResolutionDto>, NotFound, Conflict<string>, ValidationProblem>> ResolveAsync(Guid agendaItemId, ResolveRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        var item = await db.AgendaItems.SingleOrDefaultAsync(a => a.Id == agendaItemId, ct);
        if (item is null)
        {
            return TypedResults.NotFound();
        }

        if (request.FlaggedMaterial && !await ActsAsCisoAsync(db, ct))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["flaggedMaterial"] = [CisoOnlyMessage],
            });
        }

        var committee = await EnsureCommitteeAsync(db, ct);
        var votes = await db.CommitteeVotes.Where(v => v.AgendaItemId == agendaItemId).ToListAsync(ct);
        CloudUseCase? c = null;
        if (item.SubjectKind == AgendaSubjectKind.CloudUseCase)
        {
            c = await CloudUseApi.LoadAsync(db, item.SubjectId, ct);
            if (c is null || c.CurrentVersion != item.SubjectVersion)
            {
                return TypedResults.Conflict("version-changed");
            }
        }

        var now = db.Clock.GetUtcNow();
        ResolutionOutcome outcome;
        try
        {
            outcome = item.Resolve(votes, committee.Quorum, request.Text, request.FlaggedMaterial, now);
        }
        catch (QuorumNotMetException)
        {
            return TypedResults.Conflict("quorum-not-met");
        }
        catch (InvalidOperationException)
        {
            return TypedResults.Conflict("resolved");
        }

        c?.RecordResolution(outcome == ResolutionOutcome.Approved, item.SubjectVersion, now);
        db.Audit(AuditEventType.CommitteeResolved, nameof(AgendaItem), item.Id,
            after: $"outcome={outcome}; subject={item.SubjectKind}:{item.SubjectId}; version={item.SubjectVersion}; material={item.FlaggedMaterial}");
        var board = RulebookLibrary.BoardReporting.InForce(KoreanTime.Today(db.Clock));
        var boardItem = false;
        if (request.FlaggedMaterial && board is { CisoReportsToBoard: true })
        {
            var report = BoardReportItem.For(item.Id, board.Provision.Citation, now);
            db.BoardReportItems.Add(report);
            db.Audit(AuditEventType.BoardReportItemCreated, nameof(BoardReportItem), report.Id, after: $"item={item.Id}; rule={board.Id}");
            boardItem = true;
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ResolutionDto(ToDto(item, votes), boardItem));
    }

    public const string CisoOnlyMessage = "중요 안건(이사회 보고) 지정은 CISO만 할 수 있습니다. Only the CISO can flag a resolution as material.";

    /// <summary>
    /// The 이사회 report flag is the CISO's own judgement (제8조의2, from 2025-08-05): a signed-in CISO of the
    /// organisation may set it; an API key may not. Start-up seeding runs as the system.
    /// </summary>
    public static Task<bool> ActsAsCisoAsync(FinCloudDbContext db, CancellationToken ct) => db.Tenant.ActorKind switch
    {
        ActorKind.System => Task.FromResult(true),
        ActorKind.User when db.Tenant.ActorId is { } actor =>
            db.Memberships.AnyAsync(m => m.UserId == actor && m.Role == OrganizationRole.Ciso, ct),
        _ => Task.FromResult(false),
    };

    /// <summary>회의록: the meeting, members, every agenda item with its votes and resolution.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> MinutesAsync(Guid meetingId, FinCloudDbContext db, CancellationToken ct)
    {
        var meeting = await db.CommitteeMeetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }

        var committee = await db.SecurityCommittees.AsNoTracking().SingleAsync(ct);
        var members = await MembersAsync(db, ct);
        var agenda = await AgendaAsync(db, meetingId, ct);
        var bytes = MinutesWriter.Write(committee, meeting, members, agenda);
        db.Audit(AuditEventType.CommitteeMinutesExported, nameof(CommitteeMeeting), meeting.Id, after: "docx");
        await db.SaveChangesAsync(ct);
        return TypedResults.File(bytes, MinutesWriter.ContentType, $"minutes-{meeting.HeldOn:yyyyMMdd}{MinutesWriter.Extension}");
    }
}

/// <summary>회의록 as a Korean DOCX.</summary>
public static class MinutesWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Extension = ".docx";

    public static byte[] Write(SecurityCommittee committee, CommitteeMeeting meeting, IReadOnlyList<MemberDto> members, IReadOnlyList<AgendaItemDto> agenda)
    {
        var doc = new Documents.ReportBuilder($"{committee.Name} 회의록")
            .Subtitle(meeting.Title)
            .Fields(
                ("일자", meeting.HeldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("의사정족수", committee.Quorum.ToString(CultureInfo.InvariantCulture) + "명"),
                ("위원", string.Join(", ", members.Select(m => m.IsChair ? $"{m.DisplayName}(위원장)" : m.DisplayName))));
        var n = 1;
        foreach (var a in agenda)
        {
            doc.Heading(string.Create(CultureInfo.InvariantCulture, $"제{n++}호 안건: {a.Title}"), 2)
                .Fields(
                    ("표결", string.Create(CultureInfo.InvariantCulture, $"찬성 {a.VotesFor}, 반대 {a.VotesAgainst}, 기권 {a.VotesAbstain}")),
                    ("결과", a.Outcome switch { ResolutionOutcome.Approved => "가결", ResolutionOutcome.Rejected => "부결", _ => "미의결" }),
                    ("의결 내용", a.ResolutionText ?? ""),
                    ("이사회 보고", a.FlaggedMaterial ? "CISO 판단: 전자금융의 안전성·신뢰성에 중요한 영향 → 이사회 보고" : "해당 없음"));
        }

        return Documents.DocxReportWriter.ToBytes(doc.Build());
    }
}
