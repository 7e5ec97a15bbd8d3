using FinCloud.Core.Organizations;
using FinCloud.Rules;
using FinCloud.Rules.Continuity;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Features.Continuity;

/// <summary>A process as the BIA register shows it: its recovery order and the checks against the ceiling.</summary>
public sealed record ProcessRow(
    BusinessProcess Process,
    int Priority,
    TimeSpan? TimeToTolerance,
    long LossAt1hKrw,
    long LossAt24hKrw,
    long LossPerHourFirst4hKrw,
    RecoveryCeiling? Ceiling,
    bool ExceedsCeiling,
    bool RtoLooserThanTolerance);

/// <summary>An IT asset with its effective RTO from the roll-up and whether it serves core work.</summary>
public sealed record AssetRow(ItAsset Asset, TimeSpan? EffectiveRto, string? GoverningProcess, bool ServesCore, int CoreProcessCount);

/// <summary>A third party with how many core processes depend on it (concentration).</summary>
public sealed record ThirdPartyRow(LinkedThirdPartyService Service, TimeSpan? EffectiveRto, int CoreProcessCount, IReadOnlyList<string> Gaps);

/// <summary>A conflict with names instead of ids.</summary>
public sealed record ConflictRow(string Dependant, string Dependency, TimeSpan Required, TimeSpan DependencyRecoveryTime, string GoverningProcess);

/// <summary>The latest drill result of one core system, for the RTO-vs-achieved chart.</summary>
public sealed record CoreSystemResult(Guid AssetId, string Name, TimeSpan Rto, TimeSpan? Achieved, bool? Met, DateOnly? DrilledOn);

/// <summary>
/// Everything the continuity pages show, computed from one read of the organisation's register: the BIA roll-up,
/// recovery priorities, DR and insurance checks, drill coverage. Pages and API call this, never each other.
/// </summary>
public sealed class ContinuitySnapshot
{
    private ContinuitySnapshot()
    {
    }

    public DateOnly Today { get; private init; }

    public ContinuityProfile Profile { get; private init; } = null!;

    public bool ProfileRecorded { get; private init; }

    public IReadOnlyList<ProcessRow> Processes { get; private init; } = [];

    public IReadOnlyList<AssetRow> Assets { get; private init; } = [];

    public IReadOnlyList<ThirdPartyRow> ThirdParties { get; private init; } = [];

    public IReadOnlyList<ContinuityDependency> Dependencies { get; private init; } = [];

    public IReadOnlyList<ConflictRow> Conflicts { get; private init; } = [];

    public IReadOnlyList<IReadOnlyList<string>> Cycles { get; private init; } = [];

    public IReadOnlyList<DrSite> Sites { get; private init; } = [];

    public DrCheck Dr { get; private init; } = null!;

    public InsuranceCheck Insurance { get; private init; } = null!;

    public DateOnly? InsuranceNextShortfallOn { get; private init; }

    public IReadOnlyList<LiabilityPolicy> Policies { get; private init; } = [];

    public IReadOnlyList<ContinuityDrill> Drills { get; private init; } = [];

    public DrillDutyStatus DrillDuty { get; private init; } = null!;

    public IReadOnlyList<CoverageCell> Coverage { get; private init; } = [];

    public decimal CoverageShare { get; private init; }

    public IReadOnlyList<CoreSystemResult> CoreResults { get; private init; } = [];

    public int OpenRemediations { get; private init; }

    public IReadOnlyDictionary<Guid, string> Names { get; private init; } = new Dictionary<Guid, string>();

    public string Name(Guid id) => Names.TryGetValue(id, out var name) ? name : id.ToString();

    /// <summary>The institution's defaults from its sector when it has not recorded a profile yet.</summary>
    public static ContinuityProfileInput DefaultProfile(InstitutionSector? sector) => new(
        sector switch
        {
            InstitutionSector.Bank => "commercial-bank",
            InstitutionSector.Securities => "financial-investment",
            InstitutionSector.Insurance => "insurance",
            InstitutionSector.Card => "card",
            InstitutionSector.SavingsBank => "savings-bank",
            InstitutionSector.ElectronicFinance => "electronic-finance",
            _ => "electronic-finance",
        },
        sector switch
        {
            InstitutionSector.Bank => "bank",
            InstitutionSector.Securities => "financial-investment",
            InstitutionSector.Insurance => "insurance",
            InstitutionSector.Card => "card",
            InstitutionSector.SavingsBank => "savings-bank",
            InstitutionSector.ElectronicFinance => "electronic-finance",
            _ => "other",
        },
        null, null, null, 0, 1_000_000_000, ImpactWeights.Default, 1m, []);

    public static async Task<ContinuitySnapshot> LoadAsync(FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var today = KoreanTime.Today(db.Clock);
        var profile = await db.ContinuityProfiles.AsNoTracking().SingleOrDefaultAsync(ct);
        var recorded = profile is not null;
        if (profile is null)
        {
            var sector = await db.Organizations.AsNoTracking().Where(o => o.Id == db.Tenant.OrganizationId).Select(o => o.Sector).SingleOrDefaultAsync(ct);
            profile = ContinuityProfile.Create(DefaultProfile(sector), db.Clock.GetUtcNow());
        }

        var processes = await db.BusinessProcesses.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct);
        var assets = await db.ItAssets.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);
        var thirdParties = await db.LinkedThirdPartyServices.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
        var dependencies = await db.ContinuityDependencies.AsNoTracking().ToListAsync(ct);
        var sites = await db.DrSites.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
        var policies = await db.LiabilityPolicies.AsNoTracking().ToListAsync(ct);
        var drills = (await db.ContinuityDrills.AsNoTracking().ToListAsync(ct)).OrderByDescending(d => d.ExecutedOn ?? d.PlannedOn).ToList();
        var runs = await db.DrillSystemRuns.AsNoTracking().ToListAsync(ct);
        var openRemediations = await db.RemediationTasks.CountAsync(t => t.Status == RemediationStatus.Open, ct);

        var names = new Dictionary<Guid, string>();
        foreach (var p in processes)
        {
            names[p.Id] = p.Name;
        }

        foreach (var a in assets)
        {
            names[a.Id] = a.Name;
        }

        foreach (var s in thirdParties)
        {
            names[s.Id] = s.Name;
        }

        var rollup = Rollup(processes, assets, thirdParties, dependencies);
        var coreProcessIds = processes.Where(p => p.IsCore).Select(p => p.Id.ToString()).ToList();
        var reach = CoreReach(coreProcessIds, dependencies);

        var ceilings = ContinuityRulebooks.RecoveryCeilings.InForce(today);
        var ceiling = ceilings?.For(profile.DrCategory);
        var ranked = RecoveryPriority.Rank(processes.Select(p => (p.Id.ToString(), p.Curve)), profile.LossToleranceKrw, profile.Weights)
            .ToDictionary(r => r.Id);
        var processRows = processes.Select(p =>
        {
            var rank = ranked[p.Id.ToString()];
            var applicable = p.IsCore ? ceiling : null;
            return new ProcessRow(p, rank.Priority, rank.TimeToTolerance, rank.FirstHourLossKrw, rank.PotentialLossAtHorizonKrw,
                RecoveryPriority.LossPerHour(p.Curve, TimeSpan.Zero, TimeSpan.FromHours(4), profile.Weights),
                applicable, applicable is not null && p.Rto > applicable.Rto, rank.TimeToTolerance is { } ttl && p.Rto > ttl);
        }).OrderBy(r => r.Priority).ToList();

        var assetRows = assets.Select(a =>
        {
            var node = rollup.Nodes[a.Id.ToString()];
            var cores = reach.TryGetValue(a.Id, out var n) ? n : 0;
            return new AssetRow(a, node.EffectiveRto, node.GoverningProcessId is { } g ? names[Guid.Parse(g)] : null, cores > 0, cores);
        }).ToList();

        var thirdPartyRows = thirdParties.Select(s =>
        {
            var node = rollup.Nodes[s.Id.ToString()];
            var gaps = new List<string>();
            if (s.RiskEvaluatedOn is null || s.RiskEvaluatedOn.Value.AddMonths(12) < today)
            {
                gaps.Add("IT위험평가 없음 또는 12개월 경과");
            }

            if (string.IsNullOrWhiteSpace(s.DamagesClause))
            {
                gaps.Add("손해배상 조항 없음");
            }

            if (string.IsNullOrWhiteSpace(s.ExitPlan))
            {
                gaps.Add("종료 전략 없음");
            }

            var cores = reach.TryGetValue(s.Id, out var n) ? n : 0;
            if (cores > 0 && string.IsNullOrWhiteSpace(s.AlternativeProvider))
            {
                gaps.Add("핵심업무 의존, 대체 업체 없음");
            }

            return new ThirdPartyRow(s, node.EffectiveRto, cores, gaps);
        }).ToList();

        var conflicts = rollup.Conflicts.Select(c => new ConflictRow(
            names[Guid.Parse(c.DependantId)], names[Guid.Parse(c.DependencyId)], c.Required, c.DependencyRecoveryTime, names[Guid.Parse(c.GoverningProcessId)])).ToList();

        var drArrangements = assetRows.Where(r => r.Asset.Kind != ItAssetKind.CloudProvider).Select(r => new DrSystemArrangement(
            r.Asset.Id.ToString(), r.Asset.Name, r.ServesCore, r.Asset.DrMode, r.Asset.DrCapacityShare, r.Asset.DedicatedLinesAtDr, r.Asset.CarriersAtDr, r.Asset.NeedsExternalLines)).ToList();
        var dr = DisasterRecoveryCheck.Check(profile.DrInstitution, sites.Any(s => s.Role == DrSiteRole.DisasterRecovery), drArrangements, profile.DrCapacityTarget, today);

        var terms = policies.Select(p => p.Terms).ToList();
        var insurance = InsuranceCompliance.Check(profile.Insured, terms, profile.ReserveKrw, today);
        var nextShortfall = InsuranceCompliance.NextShortfallOn(profile.Insured, terms, profile.ReserveKrw, today);

        var executedDays = drills.Where(d => d.Status == DrillStatus.Executed && d.ExecutedOn is not null).ToDictionary(d => d.Id, d => d.ExecutedOn!.Value);
        var results = runs.Where(r => executedDays.ContainsKey(r.DrillId))
            .Select(r => (Day: executedDays[r.DrillId], Run: r, Result: new DrillStepResult(r.AssetId.ToString(), TimeSpan.FromMinutes(r.RtoMinutes),
                r.AchievedMinutes is { } m ? TimeSpan.FromMinutes(m) : null, r.Met, r.Result)))
            .ToList();
        var coreAssets = assetRows.Where(r => r.ServesCore && r.Asset.Kind == ItAssetKind.System).OrderBy(r => r.Asset.Code, StringComparer.Ordinal).ToList();
        var coverage = DrillEvaluation.Coverage(coreAssets.Select(r => r.Asset.Id.ToString()), results.Select(r => (r.Day, r.Result)), today);
        var latest = results.GroupBy(r => r.Run.AssetId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Day).ThenByDescending(r => r.Run.Id).First());
        var coreResults = coreAssets.Select(r => latest.TryGetValue(r.Asset.Id, out var l)
            ? new CoreSystemResult(r.Asset.Id, r.Asset.Name, TimeSpan.FromMinutes(l.Run.RtoMinutes), l.Result.Achieved, l.Run.Met, l.Day)
            : new CoreSystemResult(r.Asset.Id, r.Asset.Name, r.EffectiveRto ?? TimeSpan.Zero, null, null, null)).ToList();

        return new ContinuitySnapshot
        {
            Today = today,
            Profile = profile,
            ProfileRecorded = recorded,
            Processes = processRows,
            Assets = assetRows,
            ThirdParties = thirdPartyRows,
            Dependencies = dependencies,
            Conflicts = conflicts,
            Cycles = [.. rollup.Cycles.Select(c => (IReadOnlyList<string>)[.. c.Select(id => names[Guid.Parse(id)])])],
            Sites = sites,
            Dr = dr,
            Insurance = insurance,
            InsuranceNextShortfallOn = nextShortfall,
            Policies = policies,
            Drills = drills,
            DrillDuty = DrillEvaluation.Duty(executedDays.Values, today),
            Coverage = coverage,
            CoverageShare = DrillEvaluation.CoverageShare(coverage),
            CoreResults = coreResults,
            OpenRemediations = openRemediations,
            Names = names,
        };
    }

    /// <summary>The roll-up over the register, node ids being the record ids.</summary>
    public static RecoveryRollup Rollup(IEnumerable<BusinessProcess> processes, IEnumerable<ItAsset> assets, IEnumerable<LinkedThirdPartyService> thirdParties, IEnumerable<ContinuityDependency> dependencies)
    {
        var nodes = processes.Select(p => new RecoveryNode(p.Id.ToString(), RecoveryNodeKind.Process, p.Rto))
            .Concat(assets.Select(a => new RecoveryNode(a.Id.ToString(), a.Kind switch
            {
                ItAssetKind.System => RecoveryNodeKind.System,
                ItAssetKind.Infrastructure => RecoveryNodeKind.Infrastructure,
                ItAssetKind.CloudProvider => RecoveryNodeKind.CloudProvider,
                _ => RecoveryNodeKind.System,
            }, a.DesignedRecoveryMinutes is { } m ? TimeSpan.FromMinutes(m) : null)))
            .Concat(thirdParties.Select(s => new RecoveryNode(s.Id.ToString(), RecoveryNodeKind.ThirdParty,
                s.ContractedRecoveryMinutes is { } m ? TimeSpan.FromMinutes(m) : null)))
            .ToList();
        return RecoveryGraph.Rollup(nodes, [.. dependencies.Select(d => new RecoveryEdge(d.DependantId.ToString(), d.DependencyId.ToString()))]);
    }

    /// <summary>For each node, how many core processes reach it (concentration).</summary>
    internal static Dictionary<Guid, int> CoreReach(IEnumerable<string> coreProcessIds, IReadOnlyList<ContinuityDependency> dependencies)
    {
        var next = dependencies.GroupBy(d => d.DependantId).ToDictionary(g => g.Key, g => g.Select(d => d.DependencyId).ToList());
        var counts = new Dictionary<Guid, int>();
        foreach (var id in coreProcessIds.Select(Guid.Parse))
        {
            var seen = new HashSet<Guid> { id };
            var stack = new Stack<Guid>([id]);
            while (stack.TryPop(out var at))
            {
                if (!next.TryGetValue(at, out var targets))
                {
                    continue;
                }

                foreach (var target in targets.Where(seen.Add))
                {
                    counts[target] = counts.GetValueOrDefault(target) + 1;
                    stack.Push(target);
                }
            }
        }

        return counts;
    }
}
