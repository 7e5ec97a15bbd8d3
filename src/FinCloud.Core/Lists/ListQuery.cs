using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Lists;

/// <summary>What a list asks for: one page, one sort, a free-text search and named filters. Comes from the UI or a query string.</summary>
public sealed record ListQuery
{
    public const int MaxPageSize = 200;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    /// <summary>A column key of the <see cref="ListDefinition{T}"/>; null for its default sort.</summary>
    public string? Sort { get; init; }

    public bool Descending { get; init; }

    public string? Search { get; init; }

    /// <summary>Filter key → chosen value; empty values are ignored.</summary>
    public IReadOnlyDictionary<string, string> Filters { get; init; } = new Dictionary<string, string>();

    public ListQuery WithFilter(string key, string? value)
    {
        var filters = new Dictionary<string, string>(Filters);
        if (string.IsNullOrEmpty(value))
        {
            filters.Remove(key);
        }
        else
        {
            filters[key] = value;
        }

        return this with { Filters = filters, Page = 1 };
    }
}

/// <summary>One page of results and the total count of the filtered list.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize)
{
    /// <summary>The sort applied (the default when the query named none or an unknown one).</summary>
    public string? Sort { get; init; }

    public bool Descending { get; init; }

    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

/// <summary>
/// What a list allows: sortable columns, the search, the filters. Everything is an expression, so paging,
/// sorting, filtering and searching run in the database. Unknown sort or filter keys are ignored, never
/// turned into SQL. SQLite cannot ORDER BY a DateTimeOffset: sort time columns by the time-ordered Version 7
/// id or a sequence instead.
/// </summary>
public sealed class ListDefinition<T>
{
    private readonly Dictionary<string, Func<IQueryable<T>, bool, IOrderedQueryable<T>>> _sorts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<string, Expression<Func<T, bool>>?>> _filters = new(StringComparer.OrdinalIgnoreCase);
    private Func<string, Expression<Func<T, bool>>>? _search;
    private Func<IOrderedQueryable<T>, IOrderedQueryable<T>> _tieBreak = q => q;

    public string? DefaultSort { get; private set; }

    public bool DefaultDescending { get; private set; }

    public IReadOnlyCollection<string> SortKeys => _sorts.Keys;

    /// <summary>A sortable column; the first one added with <paramref name="isDefault"/> is the default.</summary>
    public ListDefinition<T> SortBy<TKey>(string key, Expression<Func<T, TKey>> by, bool isDefault = false, bool descendingByDefault = false)
    {
        _sorts[key] = (q, descending) => descending ? q.OrderByDescending(by) : q.OrderBy(by);
        if (isDefault || DefaultSort is null)
        {
            DefaultSort = key;
            DefaultDescending = descendingByDefault;
        }

        return this;
    }

    /// <summary>A unique key sorted last, so pages never overlap or skip rows when sort values tie.</summary>
    public ListDefinition<T> ThenBy<TKey>(Expression<Func<T, TKey>> unique)
    {
        _tieBreak = q => q.ThenBy(unique);
        return this;
    }

    /// <summary>The free-text search; receives the trimmed, lower-cased term.</summary>
    public ListDefinition<T> SearchWith(Func<string, Expression<Func<T, bool>>> predicate)
    {
        _search = predicate;
        return this;
    }

    /// <summary>A named filter; return null for a value that does not parse (the filter is then ignored).</summary>
    public ListDefinition<T> FilterBy(string key, Func<string, Expression<Func<T, bool>>?> predicate)
    {
        _filters[key] = predicate;
        return this;
    }

    /// <summary>The filtered and sorted query, without paging (export uses it whole).</summary>
    public IQueryable<T> Apply(IQueryable<T> source, ListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = source;
        foreach (var (key, value) in query.Filters)
        {
            if (!string.IsNullOrEmpty(value) && _filters.TryGetValue(key, out var filter) && filter(value) is { } predicate)
            {
                q = q.Where(predicate);
            }
        }

        if (_search is not null && query.Search?.Trim() is { Length: > 0 } term)
        {
            q = q.Where(_search(term.ToLowerInvariant()));
        }

        var (sortKey, descending) = EffectiveSort(query);
        return sortKey is null ? q : _tieBreak(_sorts[sortKey](q, descending));
    }

    public (string? Sort, bool Descending) EffectiveSort(ListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Sort is not null && _sorts.ContainsKey(query.Sort) ? (query.Sort, query.Descending) : (DefaultSort, DefaultDescending);
    }

    public async Task<ListPage<T>> PageAsync(IQueryable<T> source, ListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filtered = Apply(source, query);
        var total = await filtered.CountAsync(ct);
        var (page, size) = Position(query, total);
        return Result(query, await filtered.Skip((page - 1) * size).Take(size).ToListAsync(ct), page, size, total);
    }

    /// <summary>The same query over rows already in memory, such as a board assembled from several modules.</summary>
    public ListPage<T> Page(IEnumerable<T> source, ListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filtered = Apply(source.AsQueryable(), query).ToList();
        var (page, size) = Position(query, filtered.Count);
        return Result(query, filtered.Skip((page - 1) * size).Take(size).ToList(), page, size, filtered.Count);
    }

    private static (int Page, int Size) Position(ListQuery query, int total)
    {
        var size = Math.Clamp(query.PageSize, 1, ListQuery.MaxPageSize);
        var pageCount = Math.Max(1, (total + size - 1) / size);
        return (Math.Clamp(query.Page, 1, pageCount), size);
    }

    private ListPage<T> Result(ListQuery query, List<T> items, int page, int size, int total)
    {
        var (sort, descending) = EffectiveSort(query);
        return new ListPage<T>(items, total, page, size) { Sort = sort, Descending = descending };
    }
}
