using FinCloud.Core.Features.Continuity;
using FinCloud.Core.Lists;
using FinCloud.Rules.Continuity;

namespace FinCloud.Web.Features.Continuity;

/// <summary>The continuity register's list pages: paged, sorted, searched and filtered in the database.</summary>
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
}
