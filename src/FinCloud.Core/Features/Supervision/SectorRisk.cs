using FinCloud.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Features.Supervision;

/// <summary>One CSP or region: how many material workloads (중요업무) and institutions depend on it.</summary>
public sealed record Concentration(string Key, int MaterialWorkloads, int Workloads, int Institutions);

/// <summary>A late submission: the institution, the report and how many days after its due date it came.</summary>
public sealed record LateSubmission(Guid SubmissionId, string Institution, string Title, DateOnly DueOn, int DaysLate);

/// <summary>A further indicator contributed by another module (e.g. institutions without DR for core systems).</summary>
public sealed record SectorRiskIndicator(string Key, string TitleKo, string TitleEn, IReadOnlyList<SectorRiskFinding> Findings);

public sealed record SectorRiskFinding(string Institution, string Detail);

/// <summary>
/// A module that adds an indicator to the sector risk view from what institutions shared with the supervisor
/// (business continuity: DR for core systems, overdue drills, insurance). Register with
/// <c>services.AddSingleton&lt;ISectorRiskSource, …&gt;()</c>; return null when the module has no data.
/// </summary>
public interface ISectorRiskSource
{
    Task<SectorRiskIndicator?> IndicatorAsync(FinCloudDbContext db, InstitutionSector? sector, CancellationToken ct);
}

public sealed record SectorRiskView(
    InstitutionSector? Sector,
    int Institutions,
    int Workloads,
    int MaterialWorkloads,
    IReadOnlyList<Concentration> ByCsp,
    IReadOnlyList<Concentration> ByRegion,
    IReadOnlyList<LateSubmission> Late,
    IReadOnlyList<SectorRiskIndicator> Indicators);

/// <summary>
/// 업권 리스크 현황: the concentration of material workloads per CSP and region (the systemic risk the 2022 data-centre
/// fire exposed), from the reports in the supervisor's own inbox. Each workload counts once: the latest report of each
/// institution's case.
/// </summary>
public static class SectorRisk
{
    public static async Task<SectorRiskView> ComputeAsync(FinCloudDbContext db, IEnumerable<ISectorRiskSource> sources, InstitutionSector? sector, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(sources);
        var query = db.Submissions.AsNoTracking().Where(s => s.Kind == SubmissionKind.CloudUseReport);
        if (sector is { } sec)
        {
            query = query.Where(s => s.Sector == sec);
        }

        var submissions = await query.ToListAsync(ct);
        var workloads = submissions
            .GroupBy(s => (s.InstitutionName, s.Title))
            .Select(g => g.MaxBy(s => s.Id)!)
            .ToList();

        static IReadOnlyList<Concentration> By(IEnumerable<(string Key, Submission S)> pairs) =>
            pairs.GroupBy(p => p.Key)
                .Select(g => new Concentration(g.Key, g.Count(p => p.S.IsMaterial), g.Count(), g.Select(p => p.S.InstitutionName).Distinct().Count()))
                .OrderByDescending(c => c.MaterialWorkloads).ThenByDescending(c => c.Workloads).ThenBy(c => c.Key, StringComparer.Ordinal)
                .ToList();

        var byCsp = By(workloads.Select(w => (w.CspName, w)));
        var byRegion = By(workloads.SelectMany(w => RegionsOf(w.Regions).Select(r => (r, w))));
        var late = submissions.Where(s => s.DaysLate > 0 && s.DueOn is not null)
            .OrderByDescending(s => s.DaysLate).ThenBy(s => s.InstitutionName, StringComparer.Ordinal)
            .Select(s => new LateSubmission(s.Id, s.InstitutionName, s.Title, s.DueOn!.Value, s.DaysLate)).ToList();
        var indicators = new List<SectorRiskIndicator>();
        foreach (var source in sources)
        {
            if (await source.IndicatorAsync(db, sector, ct) is { } indicator)
            {
                indicators.Add(indicator);
            }
        }

        return new SectorRiskView(sector, workloads.Select(w => w.InstitutionName).Distinct().Count(), workloads.Count, workloads.Count(w => w.IsMaterial),
            byCsp, byRegion, late, indicators);
    }

    public static IEnumerable<string> RegionsOf(string regions) =>
        (regions ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).DefaultIfEmpty("(미상)");
}
