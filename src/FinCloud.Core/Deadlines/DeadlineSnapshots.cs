using System.Collections.Concurrent;

namespace FinCloud.Core.Deadlines;

/// <summary>
/// The last deadline list read for each organisation, with the version it was read at (see
/// <see cref="DeadlineBoard.CollectAsync"/>). One entry per organisation, replaced when its version moves on;
/// each instance of the app keeps its own, and the version read from the database keeps them all correct.
/// </summary>
public sealed class DeadlineSnapshots
{
    private readonly ConcurrentDictionary<Guid, (Version Version, IReadOnlyList<Deadline> Deadlines)> _byOrganization = new();

    /// <summary>What the deadlines depend on besides fixed rule data: the KST day and the organisation's audit head.</summary>
    public readonly record struct Version(DateOnly Today, long AuditHead);

    public IReadOnlyList<Deadline>? TryGet(Guid organizationId, Version version) =>
        _byOrganization.TryGetValue(organizationId, out var kept) && kept.Version == version ? kept.Deadlines : null;

    public void Keep(Guid organizationId, Version version, IReadOnlyList<Deadline> deadlines) =>
        _byOrganization[organizationId] = (version, deadlines);
}
