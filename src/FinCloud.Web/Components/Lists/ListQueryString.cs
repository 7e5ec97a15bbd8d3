using System.Globalization;
using FinCloud.Core.Lists;
using Microsoft.AspNetCore.WebUtilities;

namespace FinCloud.Web.Components.Lists;

/// <summary>A <see cref="ListQuery"/> in a URL (export links): <c>?q=…&amp;sort=…&amp;desc=true&amp;f.type=…</c>.</summary>
public static class ListQueryString
{
    private const string FilterPrefix = "f.";

    public static string Append(string path, ListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = new List<KeyValuePair<string, string?>>();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            values.Add(new("q", query.Search));
        }

        if (query.Sort is not null)
        {
            values.Add(new("sort", query.Sort));
            values.Add(new("desc", query.Descending ? "true" : "false"));
        }

        values.AddRange(query.Filters.Select(f => new KeyValuePair<string, string?>(FilterPrefix + f.Key, f.Value)));
        return QueryHelpers.AddQueryString(path, values);
    }

    public static ListQuery Read(IQueryCollection values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var filters = values.Where(v => v.Key.StartsWith(FilterPrefix, StringComparison.Ordinal))
            .ToDictionary(v => v.Key[FilterPrefix.Length..], v => v.Value.ToString());
        return new ListQuery
        {
            Search = values["q"].ToString() is { Length: > 0 } q ? q : null,
            Sort = values["sort"].ToString() is { Length: > 0 } s ? s : null,
            Descending = bool.TryParse(values["desc"], out var d) && d,
            Filters = filters,
            Page = int.TryParse(values["page"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 1,
        };
    }
}
