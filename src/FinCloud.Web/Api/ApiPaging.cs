using System.Collections;
using System.Globalization;

namespace FinCloud.Web.Api;

/// <summary>
/// One paging contract for every list in the API: <c>?page=</c> (from 1) and <c>?pageSize=</c> (1–200, default 50); the body
/// stays the JSON array of the page, and <c>X-Total-Count</c>, <c>X-Page</c>, <c>X-Page-Size</c> and a <c>Link</c> header
/// (<c>rel="next"</c>/<c>"prev"</c>) describe the whole. Lists paged in the database set <c>X-Total-Count</c> themselves
/// (<see cref="SetTotal"/>); this filter pages the others, which hold at most a few hundred rows. The audit trail keeps its
/// keyset paging (<c>before</c>, <c>take</c>): a chain is read by sequence.
/// </summary>
public static class ApiPaging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const string TotalCountHeader = "X-Total-Count";

    private static readonly HashSet<string> KeysetPaged = new(StringComparer.Ordinal) { "/api/audit/events" };

    public static RouteGroupBuilder WithUniformPaging(this RouteGroupBuilder api)
    {
        api.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var route = "/" + ((http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? string.Empty).Trim('/');
            if (!HttpMethods.IsGet(http.Request.Method) || KeysetPaged.Contains(route))
            {
                return await next(context);
            }

            var (page, size, errors) = Read(http.Request.Query);
            if (errors is not null)
            {
                return TypedResults.ValidationProblem(errors);
            }

            var result = await next(context);
            if (http.Response.Headers.ContainsKey(TotalCountHeader) || Unwrap(result) is not IValueHttpResult { Value: IEnumerable items and not string and not IDictionary } value
                || (value as IStatusCodeHttpResult)?.StatusCode is not (null or 200))
            {
                return result;
            }

            var all = items.Cast<object?>().ToList();
            SetTotal(http, all.Count, page, size);
            return TypedResults.Ok(all.Skip((page - 1) * size).Take(size).ToList());
        });
        return api;
    }

    /// <summary>The page asked for, or the validation errors naming the parameter.</summary>
    public static (int Page, int PageSize, Dictionary<string, string[]>? Errors) Read(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string[]>();
        int Parse(string name, int fallback, int min, int max)
        {
            var raw = query[name].ToString();
            if (raw.Length == 0)
            {
                return fallback;
            }

            if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            {
                errors[name] = [string.Create(CultureInfo.InvariantCulture, $"Must be a whole number from {min} to {max}.")];
                return fallback;
            }

            return v;
        }

        var page = Parse("page", 1, 1, 1_000_000);
        var size = Parse("pageSize", DefaultPageSize, 1, MaxPageSize);
        return (page, size, errors.Count > 0 ? errors : null);
    }

    /// <summary>Sets the paging headers; a handler that pages in the database calls it with the filtered total.</summary>
    public static void SetTotal(HttpContext http, int total, int page, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers[TotalCountHeader] = total.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-Page"] = page.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-Page-Size"] = pageSize.ToString(CultureInfo.InvariantCulture);
        var links = new List<string>();
        string Link(int p, string rel)
        {
            var q = http.Request.Query.Where(kv => kv.Key is not ("page" or "pageSize"))
                .Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value.ToString())}")
                .Append(string.Create(CultureInfo.InvariantCulture, $"page={p}&pageSize={pageSize}"));
            return $"<{http.Request.PathBase}{http.Request.Path}?{string.Join('&', q)}>; rel=\"{rel}\"";
        }

        if (page * pageSize < total)
        {
            links.Add(Link(page + 1, "next"));
        }

        if (page > 1)
        {
            links.Add(Link(page - 1, "prev"));
        }

        if (links.Count > 0)
        {
            http.Response.Headers.Link = string.Join(", ", links);
        }
    }

    private static object? Unwrap(object? result) => result is INestedHttpResult nested ? Unwrap(nested.Result) : result;
}
