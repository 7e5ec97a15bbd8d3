using FinCloud.Core.Features.Supervision;
using FinCloud.Core.Lists;
using FinCloud.Core.Organizations;

namespace FinCloud.Web.Features.Supervision;

/// <summary>
/// 보고 접수함 as a list, for the page and the API alike: newest received first; sortable by institution, report, due
/// date and days late; searchable by institution and report; filtered by status, 업권 and lateness.
/// </summary>
public static class SubmissionList
{
#pragma warning disable CA1304, CA1311, CA1862 // the search term arrives lower-cased; names and titles are Korean or ASCII
    public static readonly ListDefinition<SubmissionDto> Definition = new ListDefinition<SubmissionDto>()
        .SortBy("received", s => s.Id, isDefault: true, descendingByDefault: true)
        .SortBy("institution", s => s.Institution)
        .SortBy("title", s => s.Title)
        .SortBy("due", s => s.DueOn)
        .SortBy("late", s => s.DaysLate)
        .ThenBy(s => s.Id)
        .SearchWith(term => s => s.Institution.ToLower().Contains(term) || s.Title.ToLower().Contains(term))
        .FilterBy("status", v => Enum.TryParse<SubmissionStatus>(v, ignoreCase: true, out var status) ? s => s.Status == status : null)
        .FilterBy("sector", v => Enum.TryParse<InstitutionSector>(v, ignoreCase: true, out var sector) ? s => s.Sector == sector : null)
        .FilterBy("late", v => v == "late" ? s => s.DaysLate > 0 : null);
#pragma warning restore CA1304, CA1311, CA1862
}
