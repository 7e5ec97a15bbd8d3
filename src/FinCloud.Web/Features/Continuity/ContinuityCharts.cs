using System.Globalization;
using System.Net;
using System.Text;
using FinCloud.Core.Features.Continuity;
using FinCloud.Rules.Continuity;

namespace FinCloud.Web.Features.Continuity;

/// <summary>
/// The dashboard's pictures as standalone SVG: the page inlines them and the export endpoint serves the same
/// bytes, so what the supervisor receives is what the screen showed. Colours carry a text label too.
/// </summary>
public static class ContinuityCharts
{
    private const string Font = "font-family=\"'Noto Sans KR','Malgun Gothic',sans-serif\" font-size=\"12\"";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string N(double value) => value.ToString("0.#", Inv);

    /// <summary>RTO vs achieved in the latest drill, one row per core system; a missed RTO is red and says so.</summary>
    public static string RtoVsAchieved(IReadOnlyList<CoreSystemResult> results, string title)
    {
        ArgumentNullException.ThrowIfNull(results);
        const int label = 170, barWidth = 420, row = 26, top = 40;
        var height = top + (Math.Max(results.Count, 1) * row) + 40;
        var max = Math.Max(1, results.Select(r => Math.Max(r.Rto.TotalMinutes, r.Achieved?.TotalMinutes ?? 0)).DefaultIfEmpty(1).Max());
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{label + barWidth + 150}\" height=\"{height}\" viewBox=\"0 0 {label + barWidth + 150} {height}\" {Font} role=\"img\" aria-label=\"{E(title)}\" data-testid=\"chart-rto\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{E(title)}</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><text x=\"8\" y=\"20\" font-size=\"14\" font-weight=\"bold\">{E(title)}</text>");
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            var y = top + (i * row);
            var rtoW = r.Rto.TotalMinutes / max * barWidth;
            svg.Append(CultureInfo.InvariantCulture, $"<g data-system=\"{E(r.Name)}\" data-met=\"{(r.Met is null ? "none" : r.Met.Value ? "met" : "missed")}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{label - 6}\" y=\"{y + 15}\" text-anchor=\"end\">{E(r.Name)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{label}\" y=\"{y + 2}\" width=\"{N(rtoW)}\" height=\"9\" fill=\"#9aa5b1\"><title>RTO {E(DrillEvaluation.Format(r.Rto))}</title></rect>");
            if (r.Achieved is { } achieved)
            {
                var color = r.Met == true ? "#2e7d32" : "#c62828";
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{label}\" y=\"{y + 12}\" width=\"{N(achieved.TotalMinutes / max * barWidth)}\" height=\"9\" fill=\"{color}\"><title>{E(DrillEvaluation.Format(achieved))}</title></rect>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{label + barWidth + 8}\" y=\"{y + 15}\" fill=\"{color}\">{E(DrillEvaluation.Format(achieved))} {(r.Met == true ? "달성" : "미달성")}</text>");
            }
            else
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{label + barWidth + 8}\" y=\"{y + 15}\" fill=\"#6b7280\">훈련 기록 없음</text>");
            }

            svg.Append("</g>");
        }

        var legendY = height - 14;
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{label}\" y=\"{legendY - 9}\" width=\"12\" height=\"9\" fill=\"#9aa5b1\"/><text x=\"{label + 16}\" y=\"{legendY}\">RTO</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{label + 60}\" y=\"{legendY - 9}\" width=\"12\" height=\"9\" fill=\"#2e7d32\"/><text x=\"{label + 76}\" y=\"{legendY}\">달성</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{label + 120}\" y=\"{legendY - 9}\" width=\"12\" height=\"9\" fill=\"#c62828\"/><text x=\"{label + 136}\" y=\"{legendY}\">미달성</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Drill coverage of core systems over the 12 months: met, missed or not drilled, per month.</summary>
    public static string CoverageHeatMap(IReadOnlyList<CoverageCell> cells, IReadOnlyDictionary<Guid, string> names, string title)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(names);
        const int label = 170, cell = 30, top = 56;
        var systems = cells.Select(c => c.SystemId).Distinct().ToList();
        var months = cells.Select(c => (c.Year, c.Month)).Distinct().OrderBy(m => m.Year).ThenBy(m => m.Month).ToList();
        var width = label + (months.Count * cell) + 20;
        var height = top + (Math.Max(systems.Count, 1) * cell) + 36;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" {Font} role=\"img\" aria-label=\"{E(title)}\" data-testid=\"chart-coverage\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{E(title)}</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><text x=\"8\" y=\"20\" font-size=\"14\" font-weight=\"bold\">{E(title)}</text>");
        for (var m = 0; m < months.Count; m++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{label + (m * cell) + (cell / 2)}\" y=\"{top - 8}\" text-anchor=\"middle\" font-size=\"10\">{months[m].Year % 100:00}.{months[m].Month:00}</text>");
        }

        var lookup = cells.ToDictionary(c => (c.SystemId, c.Year, c.Month), c => c.Met);
        for (var s = 0; s < systems.Count; s++)
        {
            var y = top + (s * cell);
            var name = Guid.TryParse(systems[s], out var id) && names.TryGetValue(id, out var n) ? n : systems[s];
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{label - 6}\" y=\"{y + 19}\" text-anchor=\"end\">{E(name)}</text>");
            for (var m = 0; m < months.Count; m++)
            {
                var met = lookup[(systems[s], months[m].Year, months[m].Month)];
                var (fill, text) = met switch { true => ("#2e7d32", "달성"), false => ("#c62828", "미달성"), null => ("#e5e7eb", "미실시") };
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{label + (m * cell) + 1}\" y=\"{y + 1}\" width=\"{cell - 2}\" height=\"{cell - 2}\" fill=\"{fill}\" data-cell=\"{(met is null ? "none" : met.Value ? "met" : "missed")}\"><title>{E(name)} {months[m].Year}-{months[m].Month:00}: {text}</title></rect>");
            }
        }

        var legendY = height - 12;
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{label}\" y=\"{legendY - 10}\" width=\"12\" height=\"12\" fill=\"#2e7d32\"/><text x=\"{label + 16}\" y=\"{legendY}\">달성</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{label + 60}\" y=\"{legendY - 10}\" width=\"12\" height=\"12\" fill=\"#c62828\"/><text x=\"{label + 76}\" y=\"{legendY}\">미달성</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{label + 130}\" y=\"{legendY - 10}\" width=\"12\" height=\"12\" fill=\"#e5e7eb\"/><text x=\"{label + 146}\" y=\"{legendY}\">미실시</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Insurance, DR duty and yearly drill as three tiles.</summary>
    public static string Status(ContinuitySnapshot s, string title)
    {
        ArgumentNullException.ThrowIfNull(s);
        var tiles = new (string Label, bool Ok, string Detail)[]
        {
            ("책임이행보험", s.Insurance.Compliant, s.Insurance.Compliant
                ? $"충족 (기준 {InsuranceCompliance.Won(s.Insurance.RequiredKrw)})" + (s.InsuranceNextShortfallOn is { } d ? $", {d:yyyy-MM-dd}부터 미달" : "")
                : $"미달 {s.Insurance.Shortfalls.Count}건 (기준 {InsuranceCompliance.Won(s.Insurance.RequiredKrw)})"),
            ("재해복구", s.Dr.Findings.Count == 0, s.Dr.Findings.Count == 0 ? (s.Dr.Duty.Required ? "의무 충족" : "의무 대상 아님") : $"지적 {s.Dr.Findings.Count}건"),
            ("비상대응훈련", s.DrillDuty.HeldThisYear && !s.DrillDuty.MoreThanTwelveMonths, s.DrillDuty.HeldThisYear ? $"{s.Today.Year}년 실시, 커버리지 {s.CoverageShare:P0}" : $"{s.DrillDuty.DueBy:yyyy-MM-dd}까지 실시 필요"),
        };
        const int w = 250, h = 70;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{(w + 10) * tiles.Length + 10}\" height=\"{h + 44}\" viewBox=\"0 0 {(w + 10) * tiles.Length + 10} {h + 44}\" {Font} role=\"img\" aria-label=\"{E(title)}\" data-testid=\"chart-status\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{E(title)}</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><text x=\"8\" y=\"20\" font-size=\"14\" font-weight=\"bold\">{E(title)}</text>");
        for (var i = 0; i < tiles.Length; i++)
        {
            var x = 10 + (i * (w + 10));
            var (label, ok, detail) = tiles[i];
            svg.Append(CultureInfo.InvariantCulture, $"<g data-status=\"{(ok ? "ok" : "bad")}\"><rect x=\"{x}\" y=\"32\" width=\"{w}\" height=\"{h}\" rx=\"6\" fill=\"{(ok ? "#e8f5e9" : "#ffebee")}\" stroke=\"{(ok ? "#2e7d32" : "#c62828")}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 10}\" y=\"54\" font-weight=\"bold\">{E(label)}: {(ok ? "정상" : "조치 필요")}</text><text x=\"{x + 10}\" y=\"78\">{E(detail)}</text></g>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>
    /// Dependency view of one process: the process, then each level of what it depends on, left to right; nodes
    /// whose recovery time is looser than required are outlined red.
    /// </summary>
    public static string Dependencies(ContinuitySnapshot s, Guid processId, string title)
    {
        ArgumentNullException.ThrowIfNull(s);
        var next = s.Dependencies.GroupBy(d => d.DependantId).ToDictionary(g => g.Key, g => g.Select(d => d.DependencyId).ToList());
        var levels = new List<List<Guid>> { new() { processId } };
        var seen = new HashSet<Guid> { processId };
        while (true)
        {
            var level = levels[^1].SelectMany(id => next.TryGetValue(id, out var t) ? t : []).Where(seen.Add).Distinct().ToList();
            if (level.Count == 0)
            {
                break;
            }

            levels.Add(level);
        }

        var conflicted = s.Conflicts.Select(c => c.Dependency).ToHashSet();
        const int colW = 200, rowH = 40, top = 40;
        var width = (levels.Count * colW) + 20;
        var height = top + (levels.Max(l => l.Count) * rowH) + 20;
        var pos = new Dictionary<Guid, (int X, int Y)>();
        for (var c = 0; c < levels.Count; c++)
        {
            for (var r = 0; r < levels[c].Count; r++)
            {
                pos[levels[c][r]] = (10 + (c * colW), top + (r * rowH));
            }
        }

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" {Font} role=\"img\" aria-label=\"{E(title)}\" data-testid=\"chart-dependencies\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{E(title)}</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><text x=\"8\" y=\"20\" font-size=\"14\" font-weight=\"bold\">{E(title)}</text>");
        foreach (var d in s.Dependencies.Where(d => pos.ContainsKey(d.DependantId) && pos.ContainsKey(d.DependencyId)))
        {
            var (x1, y1) = pos[d.DependantId];
            var (x2, y2) = pos[d.DependencyId];
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x1 + 160}\" y1=\"{y1 + 14}\" x2=\"{x2}\" y2=\"{y2 + 14}\" stroke=\"#9aa5b1\"/>");
        }

        var rtos = s.Assets.ToDictionary(a => a.Asset.Id, a => a.EffectiveRto);
        foreach (var (id, (x, y)) in pos)
        {
            var bad = conflicted.Contains(s.Name(id));
            var rto = rtos.TryGetValue(id, out var r) && r is { } value ? $" ({DrillEvaluation.Format(value)})" : "";
            var name = s.Name(id);
            if (name.Length > 14)
            {
                name = name[..13] + "…";
            }

            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"160\" height=\"28\" rx=\"4\" fill=\"#f8fafc\" stroke=\"{(bad ? "#c62828" : "#64748b")}\" stroke-width=\"{(bad ? 2 : 1)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 6}\" y=\"{y + 18}\">{E(name + rto)}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
