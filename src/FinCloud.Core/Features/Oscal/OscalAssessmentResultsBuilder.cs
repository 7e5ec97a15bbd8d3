using System.Globalization;
using FinCloud.Core.CloudUse;
using FinCloud.Rules.Catalogue;

namespace FinCloud.Core.Features.Oscal;

/// <summary>An FSI result a case reuses, as the institution received it.</summary>
public sealed record ReusedFsiResult(Guid PublicationId, string IssuerName, DateOnly EvaluatedOn, DateOnly ValidUntil, string Verdict, string? Problem);

/// <summary>One in-scope item of a case's CSP evaluation and what is known of it.</summary>
public sealed record CaseItemFacts(CspEvaluationItem Item, string? CoveredByCertificate, ItemOutcome? Outcome, string? Note, DateOnly? RemediationDue, Guid? EvidenceId);

/// <summary>Everything an assessment-results document says about one cloud-use case's CSP evaluation.</summary>
public sealed record CaseEvaluationFacts(
    Guid CaseId,
    string CaseTitle,
    int CaseVersion,
    string OrganizationName,
    string ProviderName,
    string ServiceName,
    string RegimeId,
    bool Material,
    string CatalogueId,
    bool CatalogueIllustrative,
    bool FsiResultReused,
    ReusedFsiResult? Fsi,
    DateTimeOffset Started,
    IReadOnlyList<CaseItemFacts> Items);

/// <summary>
/// A case's CSP 건전성·안전성 평가 as OSCAL assessment-results: one result, a finding per in-scope item (target: the
/// catalogue item) and an observation for what the finding rests on (the institution's own check, a certificate, a
/// reused FSI result). OSCAL knows two states; FinCloud's basis for each is the <c>basis</c> prop (docs/oscal.md).
/// </summary>
public static class OscalAssessmentResultsBuilder
{
    public const string Basis = "basis";

    public static OscalAssessmentResultsDocument Build(CaseEvaluationFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var observations = new List<OscalObservation>();
        var findings = new List<OscalFinding>();
        var collected = Seconds(facts.Started);
        foreach (var f in facts.Items)
        {
            var controlId = OscalJson.ToToken(f.Item.Id, "item-");
            var (state, basis, description) = Status(f, facts);
            var props = new List<OscalProperty> { OscalJson.Prop(Basis, basis), new(OscalCatalogs.Props.Label, f.Item.Id), OscalJson.Prop(OscalCatalogs.Props.ItemClass, OscalCatalogs.Code(f.Item.Class)) };
            if (f.RemediationDue is { } due && f.Outcome == ItemOutcome.NotMet)
            {
                props.Add(OscalJson.Prop("remediation-due", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }

            OscalObservation? observation = null;
            if (basis != "not-assessed")
            {
                var observationProps = new List<OscalProperty> { OscalJson.Prop(Basis, basis) };
                if (f.CoveredByCertificate is { } scheme && basis == "covered-by-certificate")
                {
                    observationProps.Add(OscalJson.Prop("certificate", scheme));
                }

                if (basis == "reused-fsi-result" && facts.Fsi is { } fsi)
                {
                    observationProps.Add(OscalJson.Prop("fsi-publication", fsi.PublicationId.ToString()));
                    observationProps.Add(OscalJson.Prop("fsi-verdict", fsi.Verdict));
                    observationProps.Add(OscalJson.Prop("fsi-valid-until", fsi.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                }

                observation = new OscalObservation(
                    OscalJson.Uuid($"observation:{facts.CaseId}:{f.Item.Id}:{basis}"),
                    $"{f.Item.Id}: {BasisKo(basis)}",
                    description,
                    [basis == "covered-by-certificate" ? "EXAMINE" : basis == "reused-fsi-result" ? "UNKNOWN" : "EXAMINE"],
                    collected,
                    observationProps,
                    f.EvidenceId is { } evidence && basis is "satisfied" or "not-satisfied" or "not-applicable"
                        ? [new OscalRelevantEvidence("증빙 파일", $"/api/cloud-use/cases/{facts.CaseId}/evidence/{evidence}/content")]
                        : null,
                    string.IsNullOrWhiteSpace(f.Note) ? null : f.Note);
                observations.Add(observation);
            }

            findings.Add(new OscalFinding(
                OscalJson.Uuid($"finding:{facts.CaseId}:{f.Item.Id}"),
                OscalJson.Line($"{f.Item.Id} {f.Item.Domain}").Trim(),
                f.Item.Text,
                new OscalFindingTarget("objective-id", controlId,
                    new OscalObjectiveStatus(state, basis == "not-applicable" ? "not-applicable" : null,
                        basis == "not-assessed" ? "아직 평가하지 않은 항목: 충족으로 보지 않습니다." : null)),
                props,
                observation is null ? null : [new OscalRelatedObservation(observation.Uuid)]));
        }

        var resultProps = new List<OscalProperty>
        {
            OscalJson.Prop(OscalCatalogs.Props.CatalogueId, facts.CatalogueId),
            OscalJson.Prop(OscalCatalogs.Props.Regime, facts.RegimeId),
            OscalJson.Prop("material", facts.Material ? "true" : "false"),
            OscalJson.Prop("fsi-result-reused", facts.FsiResultReused ? "true" : "false"),
            OscalJson.Prop(OscalCatalogs.Props.Illustrative, facts.CatalogueIllustrative ? "true" : "false"),
            OscalJson.Prop("provider", facts.ProviderName),
            OscalJson.Prop("service", facts.ServiceName),
        };
        var unmet = facts.Items.Count(i => Status(i, facts).State == "not-satisfied");
        var result = new OscalResult(
            OscalJson.Uuid($"result:{facts.CaseId}:{facts.CaseVersion}"),
            $"CSP 건전성·안전성 평가: {OscalJson.Line(facts.CaseTitle)}",
            $"{facts.OrganizationName}의 클라우드 이용 건 '{facts.CaseTitle}' (v{facts.CaseVersion.ToString(CultureInfo.InvariantCulture)}): " +
            $"{facts.ProviderName} {facts.ServiceName}, 평가 범위 {facts.Items.Count.ToString(CultureInfo.InvariantCulture)}개 항목 중 미충족·미평가 {unmet.ToString(CultureInfo.InvariantCulture)}개.",
            collected,
            new OscalReviewedControls([new OscalControlSelection([.. facts.Items.Select(i => new OscalSelectControl(OscalJson.ToToken(i.Item.Id, "item-")))],
                $"카탈로그 {facts.CatalogueId}에서 이 건의 평가 범위에 드는 항목")]),
            resultProps,
            observations.Count > 0 ? observations : null,
            findings.Count > 0 ? findings : null,
            facts.Fsi?.Problem is { } problem ? $"활용한 금융보안원 평가 결과에 문제가 있습니다: {problem}" : null);
        var stamp = Seconds(now);
        var metadata = new OscalMetadata(
            $"CSP 건전성·안전성 평가 결과: {OscalJson.Line(facts.CaseTitle)}",
            stamp,
            $"case-v{facts.CaseVersion.ToString(CultureInfo.InvariantCulture)}",
            OscalJson.OscalVersion,
            [OscalJson.Prop(OscalCatalogs.Props.CatalogueId, facts.CatalogueId), OscalJson.Prop("case", facts.CaseId.ToString())],
            [new OscalLink($"/api/oscal/catalog?id=csp/{facts.CatalogueId}", "reference", "평가항목 카탈로그 (OSCAL)")],
            facts.CatalogueIllustrative ? "평가항목은 예시 카탈로그의 항목입니다: 공식 별표 2의2를 가져오기 전까지 항목 원문이 아닙니다." : null);
        var uuid = OscalJson.Uuid($"assessment-results:{facts.CaseId}:{facts.CaseVersion}:{stamp:O}");
        return new OscalAssessmentResultsDocument(new OscalAssessmentResults(uuid, metadata,
            new OscalImportAp($"/api/cloud-use/cases/{facts.CaseId}", "FinCloud keeps no separate OSCAL assessment plan: the cloud-use case and its decision are the plan."),
            [result]));
    }

    /// <summary>OSCAL state, FinCloud basis and a description of what the state rests on.</summary>
    private static (string State, string Basis, string Description) Status(CaseItemFacts f, CaseEvaluationFacts facts)
    {
        if (f.CoveredByCertificate is { } scheme)
        {
            return ("satisfied", "covered-by-certificate", $"유효하고 서비스 범위를 포함하는 {scheme} 인증이 이 항목을 갈음합니다.");
        }

        return f.Outcome switch
        {
            ItemOutcome.Met => ("satisfied", "satisfied", "기관이 평가하여 충족으로 기록했습니다."),
            ItemOutcome.NotMet => ("not-satisfied", "not-satisfied", "기관이 평가하여 미충족으로 기록했습니다" +
                (f.RemediationDue is { } d ? $" (보완 기한 {d:yyyy-MM-dd})." : ".")),
            ItemOutcome.NotApplicable => ("satisfied", "not-applicable", "기관이 해당 없음으로 기록했습니다."),
            _ when facts.FsiResultReused && facts.Fsi is { } fsi => ("satisfied", "reused-fsi-result",
                $"{fsi.IssuerName}의 평가 결과(평가일 {fsi.EvaluatedOn:yyyy-MM-dd}, 유효기한 {fsi.ValidUntil:yyyy-MM-dd}, {fsi.Verdict})를 활용합니다."),
            _ when facts.FsiResultReused => ("satisfied", "reused-fsi-result", "금융보안원 평가 결과를 활용합니다."),
            _ => ("not-satisfied", "not-assessed", "아직 평가하지 않았습니다."),
        };
    }

    private static string BasisKo(string basis) => basis switch
    {
        "satisfied" => "충족",
        "not-satisfied" => "미충족",
        "not-applicable" => "해당 없음",
        "covered-by-certificate" => "인증으로 갈음",
        "reused-fsi-result" => "금융보안원 평가 결과 활용",
        _ => basis,
    };

    private static DateTimeOffset Seconds(DateTimeOffset t) =>
        new(t.UtcDateTime.Ticks - (t.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
