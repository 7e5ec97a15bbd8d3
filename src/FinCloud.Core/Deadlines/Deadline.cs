namespace FinCloud.Core.Deadlines;

/// <summary>
/// 기한: one thing an organisation must do by a date (an FSS report, a CSP re-evaluation, a certificate renewal,
/// a drill). Modules describe their deadlines; the dashboard, reminders and calendar feed show them.
/// </summary>
/// <param name="Key">Stable and unique across modules (<c>cloud-use/report/{caseId}</c>): reminders are remembered by it.</param>
/// <param name="Title">Korean, shown as is (<c>클라우드 이용 사후보고: 고객상담 SaaS</c>).</param>
/// <param name="DueOn">The last day, in KST, already moved to a business day where the rule says so.</param>
/// <param name="Link">App-relative address of the record (<c>/cloud-use/{caseId}</c>).</param>
/// <param name="AssigneeId">The user responsible, or null for the organisation's officers.</param>
public sealed record Deadline(string Key, string Title, DateOnly DueOn, string Link, Guid? AssigneeId = null)
{
    /// <summary>The module it comes from, one of <see cref="DeadlineCategory"/>.</summary>
    public string Category { get; init; } = DeadlineCategory.Other;

    /// <summary>How the date was computed, with its citation (<c>계약 체결일 2025-12-31 + 3개월, 제14조의2 제8항</c>).</summary>
    public string? Basis { get; init; }
}

/// <summary>Category names (kebab-case, stored with reminders and used in filters).</summary>
public static class DeadlineCategory
{
    public const string CloudUseReport = "cloud-use-report";
    public const string CloudUseTask = "cloud-use-task";
    public const string CspEvaluation = "csp-evaluation";
    public const string Certificate = "certificate";
    public const string Evidence = "evidence";
    public const string SeparationExemption = "separation-exemption";
    public const string ContinuityDrill = "continuity-drill";
    public const string Insurance = "insurance";
    public const string Other = "other";
}

/// <summary>
/// Implemented once per module and registered with <c>services.AddDeadlineSource&lt;T&gt;()</c>. Sources read
/// through the tenant-filtered context, so they only ever see the organisation in scope; they return open
/// deadlines (not yet met), past-due ones included.
/// </summary>
public interface IDeadlineSource
{
    Task<IReadOnlyList<Deadline>> OpenDeadlinesAsync(FinCloudDbContext db, CancellationToken ct);
}
