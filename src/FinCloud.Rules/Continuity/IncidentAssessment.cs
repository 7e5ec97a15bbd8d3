using System.Text.Json.Serialization;
using FinCloud.Rules.Calendar;
using FinCloud.Rules.Json;
using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.Continuity;

/// <summary>전자금융사고 유형 (제73조).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<IncidentType>))]
public enum IncidentType
{
    /// <summary>전산장애사고.</summary>
    Outage = 1,

    /// <summary>IT 보안사고.</summary>
    Security = 2,

    /// <summary>전자금융피해사고.</summary>
    CustomerLoss = 3,
}

/// <summary>중대사고 분류기준 (영향도, 데이터, 평판, 시간, 금액).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<MajorIncidentCriterion>))]
public enum MajorIncidentCriterion
{
    Impact = 1,
    Data = 2,
    Reputation = 3,
    Duration = 4,
    Amount = 5,
}

/// <summary>보고 단계.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<ReportStage>))]
public enum ReportStage
{
    /// <summary>최초보고.</summary>
    Initial = 1,

    /// <summary>중간보고.</summary>
    Intermediate = 2,

    /// <summary>종결보고.</summary>
    Final = 3,
}

/// <summary>How a reportable incident reaches the FSS.</summary>
public enum ReportingRoute
{
    /// <summary>Not reportable: recorded in the outage log only.</summary>
    NotReportable = 1,

    /// <summary>Reported on its own through EFARS.</summary>
    Individual = 2,

    /// <summary>Small 피해사고: reported in the monthly batch.</summary>
    MonthlyBatch = 3,
}

/// <summary>The facts the reporting rules read. Every outage is recorded, reportable or not.</summary>
public sealed record IncidentFacts(
    IncidentType Type,
    DateTimeOffset OccurredAt,
    DateTimeOffset AwareAt,
    TimeSpan? OutageDuration,
    long? ServiceSubscribers,
    long? CustomerLossKrw,
    IReadOnlyCollection<MajorIncidentCriterion> CriteriaMet,
    DateTimeOffset? ClosedAt);

/// <summary>One report the incident owes, with its due moment and how it was computed.</summary>
public sealed record StageDue(ReportStage Stage, int Sequence, DateOnly DueOn, DateTimeOffset? DueAt, string Basis);

/// <summary>The rules' decision, with the version used and the reasoning shown to the user.</summary>
public sealed record IncidentAssessment(
    string? VersionId,
    Provision? Provision,
    ReportingRoute Route,
    bool Major,
    bool MajorCriteriaDraft,
    IReadOnlyList<string> Reasoning,
    IReadOnlyList<StageDue> Stages)
{
    public bool Reportable => Route != ReportingRoute.NotReportable;
}

/// <summary>
/// Reportability of a 전자금융사고 from the thresholds in force on the day it occurred (ED-17), so a threshold is
/// never read ad hoc; the reasoning names each figure compared and its source.
/// </summary>
public static class IncidentRules
{
    /// <summary>
    /// Assesses an incident. Interim reports are listed while remediation is open: those due before closure,
    /// or, for an open incident, up to the first one after <paramref name="asOf"/>.
    /// </summary>
    public static IncidentAssessment Assess(IncidentFacts facts, DateOnly asOf, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(calendar);
        var occurredOn = KoreanTime.ToKoreanDate(facts.OccurredAt);
        var version = RulebookLibrary.IncidentReporting.InForce(occurredOn);
        var reasoning = new List<string>();
        if (version is null)
        {
            reasoning.Add($"{occurredOn:yyyy-MM-dd}에 적용되는 사고보고 기준이 인코딩되어 있지 않습니다 (최초 버전 이전)");
            return new IncidentAssessment(null, null, ReportingRoute.NotReportable, false, false, reasoning, []);
        }

        reasoning.Add($"발생일 {occurredOn:yyyy-MM-dd} 기준 적용 버전: {version.Id} — {version.Provision.Citation} {version.Provision.Confidence.Tag()}");
        var route = facts.Type switch
        {
            IncidentType.Outage => OutageRoute(facts, version, reasoning),
            IncidentType.Security => SecurityRoute(occurredOn, reasoning),
            IncidentType.CustomerLoss => CustomerLossRoute(facts, occurredOn, reasoning),
            _ => throw new ArgumentOutOfRangeException(nameof(facts)),
        };

        var major = false;
        var draft = false;
        if (version.MajorIncident is { } criteria)
        {
            var met = facts.CriteriaMet.Distinct().ToList();
            if (facts.OutageDuration is { } outage && outage >= TimeSpan.FromHours(criteria.TimeHours) && !met.Contains(MajorIncidentCriterion.Duration))
            {
                met.Add(MajorIncidentCriterion.Duration);
                reasoning.Add($"중대사고 '시간' 기준: 장애 {Minutes(outage)} ≥ {criteria.TimeHours}시간");
            }

            major = met.Count >= criteria.DimensionsToQualify;
            draft = criteria.Draft;
            reasoning.Add($"중대사고 분류기준: {met.Count}개 충족 (기준 {criteria.DimensionsToQualify}개 이상) → {(major ? "중대사고" : "중대사고 아님")}"
                + (criteria.Draft ? " [초안 기준]" : "") + $" {criteria.Confidence.Tag()}");
        }

        var stages = new List<StageDue>();
        if (route == ReportingRoute.Individual)
        {
            var initialDue = version.InitialReportDue(facts.AwareAt);
            stages.Add(new StageDue(ReportStage.Initial, 1, KoreanTime.ToKoreanDate(initialDue), initialDue,
                $"인지 시각 + {version.InitialReportHours}시간 (휴일 미적용, ED-17)"));
            var aware = KoreanTime.ToKoreanDate(facts.AwareAt);
            var closedOn = facts.ClosedAt is { } closed ? KoreanTime.ToKoreanDate(closed) : (DateOnly?)null;
            var sequence = 1;
            foreach (var due in version.InterimReportsDue(aware, calendar))
            {
                // A closed incident owes the interim reports that fell due while it was open; an open one owes
                // those already due and the next one.
                if (closedOn is { } c && due > c)
                {
                    break;
                }

                stages.Add(new StageDue(ReportStage.Intermediate, sequence, due, null,
                    sequence == 1 ? $"인지일 + {version.InterimReportMonths}개월, 민법 기간 계산·공휴일 순연 (ED-17, ED-8)" : $"직전 중간보고 기한 + {version.InterimRepeatMonths}개월 (ED-17)"));
                sequence++;
                if (closedOn is null && due > asOf)
                {
                    break;
                }
            }

            if (closedOn is { } closedDay)
            {
                stages.Add(new StageDue(ReportStage.Final, 1, closedDay, null, "보상·개선 완료(종결) 시 보고; 최초보고 시점에 이미 해소된 경우 생략 가능 (2016 간소화)"));
            }
        }

        return new IncidentAssessment(version.Id, version.Provision, route, major, draft, reasoning, stages);
    }

    private static ReportingRoute OutageRoute(IncidentFacts facts, IncidentReportingVersion version, List<string> reasoning)
    {
        if (facts.OutageDuration is not { } outage)
        {
            reasoning.Add("장애 시간이 기록되지 않아 판단할 수 없습니다: 장애 시간을 입력하세요 (보고 대상으로 간주)");
            return ReportingRoute.Individual;
        }

        var reportable = version.IsReportable(outage, facts.ServiceSubscribers);
        reasoning.Add($"장애 시간 {Minutes(outage)} {(outage >= TimeSpan.FromMinutes(version.OutageMinutes) ? "≥" : "<")} 기준 {version.OutageMinutes}분");
        if (version.OutageMinutesWithManySubscribers is { } shorter && version.ManySubscribers is { } many)
        {
            reasoning.Add(facts.ServiceSubscribers is { } subscribers
                ? $"서비스 이용자 {subscribers:N0}명 {(subscribers >= many ? "≥" : "<")} {many:N0}명, 장애 시간 {(outage >= TimeSpan.FromMinutes(shorter) ? "≥" : "<")} {shorter}분"
                : $"서비스 이용자 수 미기록: {many:N0}명 이상 서비스의 {shorter}분 기준은 적용하지 않음");
        }

        reasoning.Add(reportable ? "→ 전산장애사고 보고 대상" : "→ 보고 대상 아님 (장애내역에는 기록)");
        return reportable ? ReportingRoute.Individual : ReportingRoute.NotReportable;
    }

    private static ReportingRoute SecurityRoute(DateOnly occurredOn, List<string> reasoning)
    {
        var rule = ContinuityRulebooks.CustomerLossReporting.InForce(occurredOn);
        var reportable = rule?.SecurityIncidentsReportable ?? true;
        reasoning.Add($"IT 보안사고는 시간·금액 기준 없이 보고 대상 {(rule?.SecurityConfidence ?? Confidence.Reconstructed).Tag()}; 침해사고는 금융위원회에 지체 없이 통지 (전자금융거래법 제21조의5)");
        return reportable ? ReportingRoute.Individual : ReportingRoute.NotReportable;
    }

    private static ReportingRoute CustomerLossRoute(IncidentFacts facts, DateOnly occurredOn, List<string> reasoning)
    {
        var rule = ContinuityRulebooks.CustomerLossReporting.InForce(occurredOn);
        if (rule is null || facts.CustomerLossKrw is not { } loss)
        {
            reasoning.Add("피해 금액이 없거나 적용 기준이 없어 개별 보고 대상으로 간주");
            return ReportingRoute.Individual;
        }

        var basis = $"{rule.Provision.Citation} {rule.Provision.Confidence.Tag()}";
        if (loss <= rule.NotReportableUpToKrw)
        {
            reasoning.Add($"피해 금액 {InsuranceCompliance.Won(loss)} ≤ {InsuranceCompliance.Won(rule.NotReportableUpToKrw)} → 보고 대상 아님 ({basis})");
            return ReportingRoute.NotReportable;
        }

        if (loss <= rule.MonthlyBatchUpToKrw)
        {
            reasoning.Add($"피해 금액 {InsuranceCompliance.Won(loss)} ≤ {InsuranceCompliance.Won(rule.MonthlyBatchUpToKrw)} → 월별 일괄보고 ({basis})");
            return ReportingRoute.MonthlyBatch;
        }

        reasoning.Add($"피해 금액 {InsuranceCompliance.Won(loss)} > {InsuranceCompliance.Won(rule.MonthlyBatchUpToKrw)} → 개별 보고 ({basis})");
        return ReportingRoute.Individual;
    }

    private static string Minutes(TimeSpan span) => $"{(int)span.TotalMinutes}분";
}
