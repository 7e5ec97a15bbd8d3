using System.Text.Json.Serialization;
using FinCloud.Rules.CloudUse;
using FinCloud.Rules.Json;

namespace FinCloud.Rules.NetworkSeparation;

/// <summary>The outcome of assessing one control.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<ControlAssessmentResult>))]
public enum ControlAssessmentResult
{
    NotAssessed,
    Met,
    NotMet,
}

/// <summary>The latest assessment of one control, with the evidence it rests on (document ids, hashes, links).</summary>
public sealed record ControlAssessment(string ControlId, ControlAssessmentResult Result, IReadOnlyList<string> Evidence);

/// <summary>보안성 평가: one evaluation of the SaaS (or its CSP) by an 침해사고대응기관; '적합' is a pass (ED-5).</summary>
public sealed record SaasSecurityEvaluation(string Reference, DateOnly EvaluatedOn, FsiEvaluationResult Result);

[JsonConverter(typeof(KebabCaseEnumConverter<ActivationBlockerKind>))]
public enum ActivationBlockerKind
{
    MandatoryControlNotAssessed,
    MandatoryControlNotMet,

    /// <summary>A control marked met without any evidence: "provable" means evidence, not a tick.</summary>
    MandatoryControlWithoutEvidence,

    SaasEvaluationMissing,

    /// <summary>The latest evaluation is not '적합'; an earlier pass does not outlive a later fail.</summary>
    SaasEvaluationNotPass,

    /// <summary>The exemption is already active or closed.</summary>
    WrongStatus,
}

public sealed record ActivationBlocker(ActivationBlockerKind Kind, string? ControlId, string MessageKo);

public sealed record ActivationDecision(IReadOnlyList<ActivationBlocker> Blockers)
{
    public bool CanActivate => Blockers.Count == 0;
}

/// <summary>
/// An exemption may go active only when every mandatory control of its catalogue version is met with evidence and,
/// where the route requires it, the SaaS holds a passing FSI evaluation ('적합'; S3 COND-FSI-PASS, 시행세칙 제2조의3).
/// </summary>
public static class ActivationRule
{
    public static ActivationDecision Evaluate(
        ControlCatalogue catalogue,
        IEnumerable<ControlAssessment> assessments,
        IEnumerable<SaasSecurityEvaluation> saasEvaluations)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var byControl = assessments.ToDictionary(a => a.ControlId, StringComparer.Ordinal);
        var blockers = new List<ActivationBlocker>();
        foreach (var control in catalogue.MandatoryControls)
        {
            if (!byControl.TryGetValue(control.Id, out var assessment) || assessment.Result == ControlAssessmentResult.NotAssessed)
            {
                blockers.Add(new(ActivationBlockerKind.MandatoryControlNotAssessed, control.Id, $"필수 통제 미평가: {control.TitleKo}"));
            }
            else if (assessment.Result == ControlAssessmentResult.NotMet)
            {
                blockers.Add(new(ActivationBlockerKind.MandatoryControlNotMet, control.Id, $"필수 통제 미충족: {control.TitleKo}"));
            }
            else if (!assessment.Evidence.Any(e => !string.IsNullOrWhiteSpace(e)))
            {
                blockers.Add(new(ActivationBlockerKind.MandatoryControlWithoutEvidence, control.Id, $"증빙 없음: {control.TitleKo}"));
            }
        }

        if (catalogue.RequiresFsiPass)
        {
            var latest = saasEvaluations.OrderBy(e => e.EvaluatedOn).LastOrDefault();
            if (latest is null)
            {
                blockers.Add(new(ActivationBlockerKind.SaasEvaluationMissing, null, "침해사고대응기관(금융보안원 등)의 SaaS 보안성 평가 결과가 없습니다"));
            }
            else if (latest.Result != FsiEvaluationResult.Pass)
            {
                blockers.Add(new(ActivationBlockerKind.SaasEvaluationNotPass, null, $"최근 보안성 평가({latest.Reference})가 '적합'이 아닙니다"));
            }
        }

        return new(blockers);
    }
}
