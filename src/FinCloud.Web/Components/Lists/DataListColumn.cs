using Microsoft.AspNetCore.Components;

namespace FinCloud.Web.Components.Lists;

/// <summary>One column of a <c>DataList</c>: its title, the cell, and the sort key it stands for (null: not sortable).</summary>
public sealed record DataListColumn<TItem>(string Title, Func<TItem, RenderFragment> Cell, string? SortKey = null);

public static class DataListColumn
{
    /// <summary>A column of plain text.</summary>
    public static DataListColumn<TItem> Text<TItem>(string title, Func<TItem, string?> text, string? sortKey = null) =>
        new(title, item => builder => builder.AddContent(0, text(item)), sortKey);
}

/// <summary>A filter shown as a select: key (as in the ListDefinition), label, and value → label options.</summary>
public sealed record DataListFilter(string Key, string Label, IReadOnlyList<(string Value, string Label)> Options);
