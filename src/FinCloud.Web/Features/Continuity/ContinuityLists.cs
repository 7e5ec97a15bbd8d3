using FinCloud.Core.Features.Continuity;
using FinCloud.Core.Lists;
using FinCloud.Rules.Continuity;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Continuity;

/// <summary>
/// The continuity register's list pages: paged, sorted, searched and filtered in the database. Enums are stored as
/// their names, so ordered ones (severity, stage, risk, status) sort by their rank, not alphabetically.
/// </summary>
public static class ContinuityLists
{
    public static readonly ListDefinition<BusinessProcess> Processes = new ListDefinition<BusinessProcess>()
        .SortBy("code", p => p.Code, isDefault: true)
        .SortBy("name", p => p.Name)
        .SortBy("department", p => p.Department)
        .SortBy("rto", p => p.RtoMinutes)
        .ThenBy(p => p.Id)
#pragma warning disable CA1304, CA1311, CA1862 // lower() runs in the database (SQLite, PostgreSQL); no .NET culture applies
        .SearchWith(term => p => p.Code.ToLower().Contains(term) || p.Name.ToLower().Contains(term) || p.Department.ToLower().Contains(term))
#pragma warning restore CA1304, CA1311, CA1862
        .FilterBy("core", v => v switch
        {
            "core" => p => p.IsCore,
            "other" => p => !p.IsCore,
            _ => null,
        });

    public static readonly ListDefinition<ItAsset> Assets = new ListDefinition<ItAsset>()
        .SortBy("code", a => a.Code, isDefault: true)
        .SortBy("name", a => a.Name)
        .SortBy("kind", a => a.Kind)
        .SortBy("mode", a => a.DrMode)
        .ThenBy(a => a.Id)
#pragma warning disable CA1304, CA1311, CA1862 // lower() runs in the database (SQLite, PostgreSQL); no .NET culture applies
        .SearchWith(term => a => a.Code.ToLower().Contains(term) || a.Name.ToLower().Contains(term))
#pragma warning restore CA1304, CA1311, CA1862
        .FilterBy("kind", v => Enum.TryParse<ItAssetKind>(v, ignoreCase: true, out var k) ? a => a.Kind == k : null)
        .FilterBy("mode", v => Enum.TryParse<DrMode>(v, ignoreCase: true, out var m) ? a => a.DrMode == m : null);

    public static readonly ListDefinition<LinkedThirdPartyService> ThirdParties = new ListDefinition<LinkedThirdPartyService>()
        .SortBy("name", t => t.Name, isDefault: true)
        .SortBy("provider", t => t.Provider)
        .SortBy("kind", t => t.Kind)
        .SortBy("risk", t => t.Risk == RiskRating.High ? 3 : t.Risk == RiskRating.Medium ? 2 : t.Risk == RiskRating.Low ? 1 : 0)
        .SortBy("evaluated", t => t.RiskEvaluatedOn)
        .ThenBy(t => t.Id)
#pragma warning disable CA1304, CA1311, CA1862 // lower() runs in the database (SQLite, PostgreSQL); no .NET culture applies
        .SearchWith(term => t => t.Name.ToLower().Contains(term) || t.Provider.ToLower().Contains(term)
            || (t.AlternativeProvider != null && t.AlternativeProvider.ToLower().Contains(term)))
#pragma warning restore CA1304, CA1311, CA1862
        .FilterBy("kind", v => Enum.TryParse<LinkedServiceKind>(v, ignoreCase: true, out var k) ? t => t.Kind == k : null)
        .FilterBy("risk", v => Enum.TryParse<RiskRating>(v, ignoreCase: true, out var r) ? t => t.Risk == r : null)
        .FilterBy("alternative", v => v switch
        {
            "none" => t => t.AlternativeProvider == null || t.AlternativeProvider == "",
            "some" => t => t.AlternativeProvider != null && t.AlternativeProvider != "",
            _ => null,
        });

    /// <summary>Newest registered first: SQLite cannot order by an instant, and Version 7 ids follow registration.</summary>
    public static readonly ListDefinition<ElectronicFinanceIncident> Incidents = new ListDefinition<ElectronicFinanceIncident>()
        .SortBy("registered", i => i.Id, isDefault: true, descendingByDefault: true)
        .SortBy("title", i => i.Title)
        .SortBy("type", i => i.Type)
        .SortBy("stage", i => i.Stage == IncidentStage.Closed ? 4 : i.Stage == IncidentStage.Recovered ? 3 : i.Stage == IncidentStage.Responding ? 2 : 1)
        .SortBy("severity", i => i.Severity == Severity.Critical ? 4 : i.Severity == Severity.High ? 3 : i.Severity == Severity.Medium ? 2 : 1)
        .ThenBy(i => i.Id)
#pragma warning disable CA1304, CA1311, CA1862 // lower() runs in the database (SQLite, PostgreSQL); no .NET culture applies
        .SearchWith(term => i => i.Title.ToLower().Contains(term))
#pragma warning restore CA1304, CA1311, CA1862
        .FilterBy("type", v => Enum.TryParse<IncidentType>(v, ignoreCase: true, out var t) ? i => i.Type == t : null)
        .FilterBy("stage", v => Enum.TryParse<IncidentStage>(v, ignoreCase: true, out var st) ? i => i.Stage == st : null)
        .FilterBy("severity", v => Enum.TryParse<Severity>(v, ignoreCase: true, out var sv) ? i => i.Severity == sv : null);

    public static readonly ListDefinition<ContinuityDrill> Drills = new ListDefinition<ContinuityDrill>()
        .SortBy("planned", d => d.PlannedOn, isDefault: true, descendingByDefault: true)
        .SortBy("title", d => d.Title)
        .SortBy("kind", d => d.Kind)
        .SortBy("executed", d => d.ExecutedOn)
        .SortBy("status", d => d.Status == DrillStatus.Planned ? 1 : d.Status == DrillStatus.Executed ? 2 : 3)
        .ThenBy(d => d.Id)
#pragma warning disable CA1304, CA1311, CA1862 // lower() runs in the database (SQLite, PostgreSQL); no .NET culture applies
        .SearchWith(term => d => d.Title.ToLower().Contains(term) || d.Scenario.ToLower().Contains(term))
#pragma warning restore CA1304, CA1311, CA1862
        .FilterBy("kind", v => Enum.TryParse<DrillKind>(v, ignoreCase: true, out var k) ? d => d.Kind == k : null)
        .FilterBy("status", v => Enum.TryParse<DrillStatus>(v, ignoreCase: true, out var st) ? d => d.Status == st : null);

    /// <summary>A page of incidents with the rules' decision for each (their report submissions read in one more query).</summary>
    public static async Task<ListPage<IncidentView>> IncidentPageAsync(FinCloud.Core.FinCloudDbContext db, ListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var page = await Incidents.PageAsync(db.Incidents.AsNoTracking(), query, ct);
        var ids = page.Items.Select(i => i.Id).ToList();
        var submissions = (await db.IncidentReportSubmissions.AsNoTracking().Where(s => ids.Contains(s.IncidentId)).ToListAsync(ct)).ToLookup(s => s.IncidentId);
        var today = FinCloud.Rules.KoreanTime.Today(db.Clock);
        return new ListPage<IncidentView>([.. page.Items.Select(i => Core.Features.Continuity.Incidents.View(i, [.. submissions[i.Id]], today))], page.TotalCount, page.Page, page.PageSize)
        {
            Sort = page.Sort,
            Descending = page.Descending,
        };
    }
}
