using System.Text.Json.Serialization;
using FinCloud.Rules.Json;
using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.Continuity;

/// <summary>재해복구 방식 of one system.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<DrMode>))]
public enum DrMode
{
    None = 0,
    Cold = 1,
    Warm = 2,
    Hot = 3,
    ActiveActive = 4,
}

/// <summary>What the DR duty depends on (제23조⑧ categories and size conditions).</summary>
public sealed record DrInstitution(string Category, long? TotalAssetsKrw, long? AnnualTransactionsKrw, bool? OwnItSystem);

/// <summary>One system's DR arrangement as recorded on the DR-status page.</summary>
public sealed record DrSystemArrangement(
    string SystemId,
    string Name,
    bool Core,
    DrMode Mode,
    decimal? CapacityShare,
    int DedicatedLinesAtDr,
    int CarriersAtDr,
    bool NeedsExternalLines);

public enum DrFindingKind
{
    /// <summary>The institution must have a DR centre and records none.</summary>
    NoDrCentre = 1,

    /// <summary>A 핵심업무 system has no DR arrangement.</summary>
    CoreSystemWithoutDr = 2,

    /// <summary>DR capacity below the institution's target share of production (S2).</summary>
    CapacityBelowTarget = 3,

    /// <summary>A system linked to external institutions has no dedicated line at the DR site (S2).</summary>
    NoDedicatedLineAtDr = 4,

    /// <summary>All dedicated lines at the DR site use one carrier.</summary>
    SingleCarrier = 5,
}

public sealed record DrFinding(DrFindingKind Kind, string? SystemId, string Message);

/// <summary>The DR duty on a day and, when it starts later, the day it starts.</summary>
public sealed record DrDuty(bool Required, DateOnly? RequiredFrom, string? VersionId, Provision? Provision, string Reason);

public sealed record DrCheck(DrDuty Duty, IReadOnlyList<DrFinding> Findings);

/// <summary>재해복구센터 checks (제23조⑧, S2; ED-19).</summary>
public static class DisasterRecoveryCheck
{
    /// <summary>Whether the institution must run a DR centre on <paramref name="asOf"/>, and from which version's date.</summary>
    public static DrDuty Duty(DrInstitution institution, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(institution);
        var versions = RulebookLibrary.DisasterRecovery;
        var inForce = versions.InForce(asOf);
        bool Requires(DisasterRecoveryVersion v) =>
            v.Requires(institution.Category, institution.TotalAssetsKrw, institution.AnnualTransactionsKrw, institution.OwnItSystem);

        if (inForce is not null && Requires(inForce))
        {
            // The duty starts with the earliest version of the unbroken run that requires it.
            var from = inForce.EffectiveFrom;
            foreach (var v in versions.All.Where(v => v.EffectiveFrom < inForce.EffectiveFrom).OrderByDescending(v => v.EffectiveFrom))
            {
                if (!Requires(v))
                {
                    break;
                }

                from = v.EffectiveFrom;
            }

            return new DrDuty(true, from, inForce.Id, inForce.Provision, $"{inForce.Provision.Citation}: {InstitutionCategories.KoreanName(institution.Category)} 재해복구센터 구축 의무 ({from:yyyy-MM-dd}부터) {inForce.Provision.Confidence.Tag()}");
        }

        var upcoming = versions.All.FirstOrDefault(v => v.EffectiveFrom > asOf && Requires(v));
        if (upcoming is not null)
        {
            return new DrDuty(false, upcoming.EffectiveFrom, upcoming.Id, upcoming.Provision, $"{upcoming.Provision.Citation}: {upcoming.EffectiveFrom:yyyy-MM-dd}부터 구축 의무 {upcoming.Provision.Confidence.Tag()}");
        }

        return new DrDuty(false, null, inForce?.Id, inForce?.Provision, "재해복구센터 구축 의무 대상 아님 (자율 구축 권고)");
    }

    public static DrCheck Check(DrInstitution institution, bool hasDrCentre, IReadOnlyCollection<DrSystemArrangement> systems, decimal capacityTarget, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(systems);
        var duty = Duty(institution, asOf);
        var findings = new List<DrFinding>();
        if (duty.Required && !hasDrCentre)
        {
            findings.Add(new(DrFindingKind.NoDrCentre, null, $"재해복구센터 구축 의무 대상이나 등록된 재해복구센터가 없습니다 ({duty.Reason})"));
        }

        foreach (var system in systems.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            if (system.Core && system.Mode == DrMode.None)
            {
                findings.Add(new(DrFindingKind.CoreSystemWithoutDr, system.SystemId, $"핵심업무 시스템 '{system.Name}'에 재해복구 구성이 없습니다"));
                continue;
            }

            if (system.Mode == DrMode.None)
            {
                continue;
            }

            // The capacity target is for core work; other systems may run reduced at the DR site.
            if (system.Core && system.CapacityShare is { } share && share < capacityTarget)
            {
                findings.Add(new(DrFindingKind.CapacityBelowTarget, system.SystemId, $"'{system.Name}' 재해복구 용량 {share:P0} < 목표 {capacityTarget:P0}"));
            }

            if (system.NeedsExternalLines && system.DedicatedLinesAtDr == 0)
            {
                findings.Add(new(DrFindingKind.NoDedicatedLineAtDr, system.SystemId, $"'{system.Name}' 재해복구센터에 대외기관 전용선이 없습니다"));
            }
            else if (system.NeedsExternalLines && system.CarriersAtDr < 2)
            {
                findings.Add(new(DrFindingKind.SingleCarrier, system.SystemId, $"'{system.Name}' 재해복구센터 전용선이 단일 통신사입니다"));
            }
        }

        return new DrCheck(duty, findings);
    }
}
