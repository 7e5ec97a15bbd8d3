using System.Net;
using System.Text.RegularExpressions;
using FinCloud.Rules.Rulebooks;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FinCloud.Web.Tests.Rulebooks;

/// <summary>
/// No page shows the regulatory reference's shorthand raw: every confidence tag ([V], [3P], [R] …) is a named badge and
/// every ED-n a link to what it means. Text from the rules reaches many pages; one left out shows "[NOT FOUND]".
/// </summary>
public sealed partial class SourceShorthandTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("<main.*?</main>", RegexOptions.Singleline)]
    private static partial Regex MainContent();

    [GeneratedRegex("<a class=\"decision-ref\"[^>]*>ED-\\d+</a>|<[^>]+>")]
    private static partial Regex MarkupAndDecisionLinks();

    [GeneratedRegex(@"\bED-\d+\b")]
    private static partial Regex DecisionId();

    private static readonly Regex Tag = new(
        $@"\[({string.Join('|', Enum.GetValues<Confidence>().Select(c => Regex.Escape(c.Tag().Trim('[', ']'))))})\]", RegexOptions.CultureInvariant);

    [Theory]
    [InlineData("officer@hanbit.example", "ko")]
    [InlineData("officer@hanbit.example", "en")]
    [InlineData("supervisor@fss.example", "ko")]
    [InlineData("evaluator@fsi.example", "ko")]
    public async Task Every_page_shows_confidence_tags_as_badges_and_decisions_as_links(string user, string language)
    {
        var app = await apps.GetAsync(Databases.Sqlite);
        using var browser = app.Browser();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        (await browser.SignInAsync(user, app.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null && e.RoutePattern.Parameters.Count == 0)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(path => !path.StartsWith("/account", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        pages.ShouldContain("/continuity/insurance");

        var raw = new List<string>();
        var read = 0;
        foreach (var path in pages)
        {
            using var response = await browser.GetAsync(new Uri(path, UriKind.Relative), Ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue; // another kind of organisation's workspace: refused, as OrganizationKindAccessTests checks
            }

            read++;
            var html = await response.Content.ReadAsStringAsync(Ct);
            var text = WebUtility.HtmlDecode(MarkupAndDecisionLinks().Replace(MainContent().Match(html).Value, " "));
            raw.AddRange(Tag.Matches(text).Select(m => $"{path}: {m.Value}"));
            if (path != "/rules/decisions")
            {
                // The decisions page's own index lists the ids as anchors within the page.
                raw.AddRange(DecisionId().Matches(text).Select(m => $"{path}: {m.Value}"));
            }
        }

        read.ShouldBeGreaterThan(8);
        raw.Distinct().ShouldBeEmpty();
    }
}
