using FinCloud.Core.Deadlines;
using FinCloud.Core.Lists;

namespace FinCloud.Web.Features.Deadlines;

/// <summary>
/// The 기한 현황 board as a list. The board is assembled in memory from every module's source, so the same
/// list definition pages it in memory: soonest first (overdue ones lead), searchable, filterable by status
/// and module.
/// </summary>
public static class DeadlineList
{
#pragma warning disable CA1304, CA1311, CA1862 // the search term arrives lower-cased; titles are Korean or ASCII
    public static readonly ListDefinition<DeadlineRow> Definition = new ListDefinition<DeadlineRow>()
        .SortBy("due", r => r.Deadline.DueOn, isDefault: true)
        .SortBy("title", r => r.Deadline.Title)
        .ThenBy(r => r.Deadline.Key)
        .SearchWith(term => r => r.Deadline.Title.ToLower().Contains(term) || (r.Deadline.Basis != null && r.Deadline.Basis.ToLower().Contains(term)))
        .FilterBy("status", v => Enum.TryParse<DeadlineStatus>(v, ignoreCase: true, out var s) ? r => r.Status == s : null)
        .FilterBy("category", v => r => r.Deadline.Category == v);
#pragma warning restore CA1304, CA1311, CA1862
}
