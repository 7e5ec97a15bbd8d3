using FinCloud.Core.Tenancy;

namespace FinCloud.Core.CloudUse;

/// <summary>정보보호위원회 (제8조의2): chaired by the CISO; its quorum rule is the organisation's own.</summary>
public sealed class SecurityCommittee : ITenantOwned
{
    private SecurityCommittee()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public string Name { get; private set; } = "";

    /// <summary>의사정족수: members who must vote for a resolution to stand.</summary>
    public int Quorum { get; private set; }

    public DateTimeOffset CreatedAt { get; private init; }

    public static SecurityCommittee Constitute(string name, int quorum, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quorum, 1);
        return new() { Id = Guid.CreateVersion7(now), Name = name.Trim(), Quorum = quorum, CreatedAt = now };
    }

    public void SetQuorum(int quorum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quorum, 1);
        Quorum = quorum;
    }
}

/// <summary>위원; the chair (위원장) is the CISO.</summary>
public sealed class CommitteeMember : ITenantOwned
{
    private CommitteeMember()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid CommitteeId { get; private init; }

    public Guid UserId { get; private init; }

    public bool IsChair { get; private init; }

    public static CommitteeMember Appoint(Guid committeeId, Guid userId, bool chair, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), CommitteeId = committeeId, UserId = userId, IsChair = chair };
}

/// <summary>위원회 회의.</summary>
public sealed class CommitteeMeeting : ITenantOwned
{
    private CommitteeMeeting()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid CommitteeId { get; private init; }

    public string Title { get; private init; } = "";

    public DateOnly HeldOn { get; private init; }

    public DateTimeOffset CreatedAt { get; private init; }

    public static CommitteeMeeting Schedule(Guid committeeId, string title, DateOnly on, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), CommitteeId = committeeId, Title = title.Trim(), HeldOn = on, CreatedAt = now };
}

/// <summary>What an agenda item is about. Other modules add their kinds (망분리 예외, 반기 평가) and point at their own records.</summary>
public enum AgendaSubjectKind
{
    CloudUseCase = 1,
    SeparationExemption = 2,
    HalfYearlyEvaluation = 3,
    Other = 9,
}

public enum ResolutionOutcome
{
    Approved = 1,
    Rejected = 2,
}

public enum VoteChoice
{
    For = 1,
    Against = 2,
    Abstain = 3,
}

/// <summary>
/// 안건: one subject put to a meeting, at one version of that subject. Its 의결 (resolution) is recorded here and
/// locks the version it names.
/// </summary>
public sealed class AgendaItem : ITenantOwned
{
    private AgendaItem()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid MeetingId { get; private init; }

    public AgendaSubjectKind SubjectKind { get; private init; }

    public Guid SubjectId { get; private init; }

    /// <summary>The subject's version put to the committee (a case's version number).</summary>
    public int SubjectVersion { get; private init; }

    public string Title { get; private init; } = "";

    public ResolutionOutcome? Outcome { get; private set; }

    /// <summary>의결 내용.</summary>
    public string? ResolutionText { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>The CISO judged it to affect e-finance safety materially: reported to the 이사회 (from 2025-08-05).</summary>
    public bool FlaggedMaterial { get; private set; }

    public static AgendaItem Table(Guid meetingId, AgendaSubjectKind kind, Guid subjectId, int version, string title, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), MeetingId = meetingId, SubjectKind = kind, SubjectId = subjectId, SubjectVersion = version, Title = title.Trim() };

    /// <summary>Resolves when a quorum voted; approved when more voted for than against.</summary>
    public ResolutionOutcome Resolve(IReadOnlyCollection<CommitteeVote> votes, int quorum, string text, bool flaggedMaterial, DateTimeOffset now)
    {
        if (Outcome is not null)
        {
            throw new InvalidOperationException("The item is already resolved.");
        }

        if (votes.Count < quorum)
        {
            throw new QuorumNotMetException(votes.Count, quorum);
        }

        var outcome = votes.Count(v => v.Choice == VoteChoice.For) > votes.Count(v => v.Choice == VoteChoice.Against)
            ? ResolutionOutcome.Approved
            : ResolutionOutcome.Rejected;
        Outcome = outcome;
        ResolutionText = text.Trim();
        ResolvedAt = now;
        FlaggedMaterial = flaggedMaterial;
        return outcome;
    }
}

public sealed class QuorumNotMetException(int present, int quorum)
    : InvalidOperationException($"{present} of the {quorum} members needed have voted.");

/// <summary>표결: one member's vote on one agenda item.</summary>
public sealed class CommitteeVote : ITenantOwned
{
    private CommitteeVote()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid AgendaItemId { get; private init; }

    public Guid MemberId { get; private init; }

    public VoteChoice Choice { get; private set; }

    public DateTimeOffset CastAt { get; private set; }

    public static CommitteeVote Cast(Guid agendaItemId, Guid memberId, VoteChoice choice, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), AgendaItemId = agendaItemId, MemberId = memberId, Choice = choice, CastAt = now };

    public void Change(VoteChoice choice, DateTimeOffset now)
    {
        Choice = choice;
        CastAt = now;
    }
}

/// <summary>이사회 보고 안건: a resolution the CISO flagged as material, to report to the board (제8조의2, from 2025-08-05).</summary>
public sealed class BoardReportItem : ITenantOwned
{
    private BoardReportItem()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid AgendaItemId { get; private init; }

    public string Citation { get; private init; } = "";

    public DateTimeOffset CreatedAt { get; private init; }

    public DateOnly? ReportedOn { get; private set; }

    public static BoardReportItem For(Guid agendaItemId, string citation, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), AgendaItemId = agendaItemId, Citation = citation, CreatedAt = now };

    public void MarkReported(DateOnly on) => ReportedOn = on;
}
