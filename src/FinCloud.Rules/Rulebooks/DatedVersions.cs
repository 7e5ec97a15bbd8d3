namespace FinCloud.Rules.Rulebooks;

/// <summary>One dated version of a rule (ED-1): it applies from <see cref="EffectiveFrom"/> until the next version.</summary>
public interface IDatedVersion
{
    string Id { get; }

    DateOnly EffectiveFrom { get; }
}

/// <summary>The versions of one rule, oldest first, and the one in force on a day.</summary>
public sealed class DatedVersions<T>
    where T : IDatedVersion
{
    public DatedVersions(IEnumerable<T> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        All = [.. versions.OrderBy(v => v.EffectiveFrom)];
    }

    public IReadOnlyList<T> All { get; }

    /// <summary>The version in force on <paramref name="asOf"/>, or null before the first one (the rule did not exist yet).</summary>
    public T? InForce(DateOnly asOf)
    {
        for (var i = All.Count - 1; i >= 0; i--)
        {
            if (All[i].EffectiveFrom <= asOf)
            {
                return All[i];
            }
        }

        return default;
    }

    /// <summary>The day before the next version takes effect, or null for the latest.</summary>
    public DateOnly? EffectiveUntil(T version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var at = All.ToList().IndexOf(version);
        return at >= 0 && at < All.Count - 1 ? All[at + 1].EffectiveFrom.AddDays(-1) : null;
    }
}

internal sealed record VersionFile<T>(IReadOnlyList<T> Versions);
