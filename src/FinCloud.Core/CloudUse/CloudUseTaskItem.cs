using FinCloud.Core.Tenancy;
using FinCloud.Rules.CloudUse;

namespace FinCloud.Core.CloudUse;

/// <summary>이용절차 과제: one task of a case's plan, with owner, due date, status, comments and evidence.</summary>
public sealed class CloudUseTaskItem : ITenantOwned
{
    private CloudUseTaskItem()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid CaseId { get; private init; }

    /// <summary>The planner's stable key (<see cref="TaskPlanner"/>).</summary>
    public string Key { get; private init; } = "";

    public string TitleKo { get; private set; } = "";

    public string TitleEn { get; private set; } = "";

    public StepRequirement Requirement { get; private set; }

    public DateOnly? DueBy { get; private set; }

    public string Citation { get; private set; } = "";

    public string? Note { get; private set; }

    /// <summary>The evidence the step asks for, one per line.</summary>
    public string EvidenceHints { get; private set; } = "";

    public int Order { get; private set; }

    public TaskState Status { get; private set; }

    public Guid? OwnerId { get; private set; }

    /// <summary>The case version that first planned the task.</summary>
    public int PlannedInVersion { get; private init; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Task keys of the FSS reports begin with this (<c>supervisor-report:post-report</c>).</summary>
    public const string ReportKeyPrefix = "supervisor-report:";

    public bool IsReport => Key.StartsWith(ReportKeyPrefix, StringComparison.Ordinal);

    internal static CloudUseTaskItem From(Guid caseId, CloudUseTask t, int version, int order, DateTimeOffset now)
    {
        var item = new CloudUseTaskItem { Id = Guid.CreateVersion7(now), CaseId = caseId, Key = t.Key, PlannedInVersion = version, Status = TaskState.Open };
        item.Update(t, order, now);
        return item;
    }

    internal void Update(CloudUseTask t, int order, DateTimeOffset now)
    {
        TitleKo = t.TitleKo;
        TitleEn = t.TitleEn;
        Requirement = t.Requirement;
        DueBy = t.DueBy;
        Citation = t.Citation;
        Note = t.Note;
        EvidenceHints = string.Join('\n', t.Evidence);
        Order = order;
        if (Status == TaskState.Obsolete)
        {
            Status = TaskState.Open;
        }

        UpdatedAt = now;
    }

    public void SetStatus(TaskState status, DateTimeOffset now)
    {
        Status = status;
        UpdatedAt = now;
    }

    internal void Reopen(DateTimeOffset now) => SetStatus(TaskState.Open, now);

    public void Assign(Guid? ownerId, DateTimeOffset now)
    {
        OwnerId = ownerId;
        UpdatedAt = now;
    }

    public void Reschedule(DateOnly? dueBy, DateTimeOffset now)
    {
        DueBy = dueBy;
        UpdatedAt = now;
    }
}

public enum TaskState
{
    Open = 1,
    InProgress = 2,
    Done = 3,

    /// <summary>No longer asked for by the current version's plan.</summary>
    Obsolete = 4,
}

/// <summary>과제 의견.</summary>
public sealed class TaskComment : ITenantOwned
{
    private TaskComment()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid TaskId { get; private init; }

    public Guid? AuthorId { get; private init; }

    public string Text { get; private init; } = "";

    public DateTimeOffset CreatedAt { get; private init; }

    public static TaskComment Write(Guid taskId, Guid? author, string text, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), TaskId = taskId, AuthorId = author, Text = text.Trim(), CreatedAt = now };
}
