using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.Continuity;

/// <summary>An additional 전자금융업 registration (e.g. 선불전자지급수단 발행·관리업, 전자지급결제대행업).</summary>
public sealed record ElectronicFinanceRegistration(string Business, DateOnly RegisteredOn);

/// <summary>What the minimum depends on: the 제5조 category, the size, and the e-finance businesses registered.</summary>
public sealed record InsuredInstitution(string Category, long? TotalAssetsKrw, IReadOnlyList<ElectronicFinanceRegistration> Registrations);

/// <summary>The limit a policy gives one incident type.</summary>
public sealed record CoveredIncidentType(InsuredIncidentType Type, long LimitKrw);

/// <summary>
/// 책임이행보험 (or 공제) as held: aggregate and per-incident limits, the limit per covered incident type, the
/// reserve (준비금) set aside beside it, and the day the cover was last changed.
/// </summary>
public sealed record LiabilityPolicyTerms(
    string Reference,
    DateOnly CoverFrom,
    DateOnly CoverTo,
    long AggregateLimitKrw,
    long PerIncidentLimitKrw,
    IReadOnlyList<CoveredIncidentType> CoveredTypes,
    DateOnly LastChangedOn);

public enum InsuranceShortfallKind
{
    /// <summary>No minimum is encoded for the category on that day.</summary>
    NoMinimumForCategory = 1,

    /// <summary>No policy in force and no reserve that covers the minimum.</summary>
    NoCover = 2,

    /// <summary>The aggregate limit plus the reserve is below the minimum.</summary>
    LimitBelowMinimum = 3,

    /// <summary>사고 건당 보상한도 below the minimum (S2 finding).</summary>
    PerIncidentLimitBelowMinimum = 4,

    /// <summary>An incident type the cover must include is missing.</summary>
    IncidentTypeNotCovered = 5,

    /// <summary>An incident type is covered below the minimum (S2 finding).</summary>
    IncidentTypeBelowMinimum = 6,

    /// <summary>An added 전자금융업 registration was not followed by a raised cover (S2 finding).</summary>
    RegistrationNotReflected = 7,
}

public sealed record InsuranceShortfall(InsuranceShortfallKind Kind, string Message, long? RequiredKrw = null, long? HeldKrw = null);

/// <summary>The compliance check on one day, with the reasoning a supervisor can follow.</summary>
public sealed record InsuranceCheck(
    DateOnly AsOf,
    string? MinimumVersionId,
    Provision? Provision,
    InsuranceMinimum? Minimum,
    long RequiredKrw,
    long HeldAggregateKrw,
    long ReserveKrw,
    IReadOnlyList<InsuranceShortfall> Shortfalls,
    IReadOnlyList<string> Reasoning,
    AlternativeCheck? Alternative = null)
{
    public bool Compliant => Shortfalls.Count == 0;

    /// <summary>The result rests on a conservative reading or a reconstructed rule and must say so.</summary>
    public bool Unverified => Minimum is { } m && (m.Conservative || m.Confidence.IsUnverified());
}

/// <summary>What the check would say under the reading the conservative one set aside (ED-18).</summary>
public sealed record AlternativeCheck(AlternativeReading Reading, long RequiredKrw, IReadOnlyList<InsuranceShortfall> Shortfalls)
{
    public bool Compliant => Shortfalls.Count == 0;
}

/// <summary>
/// 전자금융감독규정 제5조 check (ED-18): the minimum of the version in force on the day, raised for each added
/// 전자금융업 registration ([R]), compared with the policies in force and the reserve. It re-evaluates on every
/// effective date, so a policy that met the old minimum shows short on the day a higher one takes effect.
/// </summary>
public static class InsuranceCompliance
{
    public static InsuranceCheck Check(InsuredInstitution institution, IReadOnlyCollection<LiabilityPolicyTerms> policies, long reserveKrw, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(institution);
        ArgumentNullException.ThrowIfNull(policies);
        var version = RulebookLibrary.InsuranceMinimums.InForce(asOf);
        var minimum = version?.For(institution.Category, institution.TotalAssetsKrw);
        if (version is null || minimum is null)
        {
            InsuranceShortfall missing = new(InsuranceShortfallKind.NoMinimumForCategory, $"{asOf:yyyy-MM-dd}에 {InstitutionCategories.KoreanName(institution.Category)} 업권의 기준금액이 정의되어 있지 않습니다");
            return new InsuranceCheck(asOf, version?.Id, version?.Provision, null, 0, 0, reserveKrw, [missing], []);
        }

        var check = Check(institution, policies, reserveKrw, asOf, version, minimum);
        if (minimum.Alternative is not { } reading)
        {
            return check;
        }

        var other = Check(institution, policies, reserveKrw, asOf, version, minimum with { AmountKrw = reading.AmountKrw, Conservative = false, Confidence = reading.Confidence, Alternative = null });
        var alternative = new AlternativeCheck(reading, other.RequiredKrw, other.Shortfalls);
        List<string> reasoning = [.. check.Reasoning, $"참고 — 다른 해석 ({reading.Basis}) 기준금액 {Won(reading.AmountKrw)} {reading.Confidence.Tag()}: "
            + (alternative.Compliant ? "충족" : $"미달 {alternative.Shortfalls.Count}건") + " (적용하지 않음)"];
        return check with { Reasoning = reasoning, Alternative = alternative };
    }

    private static InsuranceCheck Check(InsuredInstitution institution, IReadOnlyCollection<LiabilityPolicyTerms> policies, long reserveKrw, DateOnly asOf,
        InsuranceMinimumVersion version, InsuranceMinimum minimum)
    {
        var reasoning = new List<string>();
        var shortfalls = new List<InsuranceShortfall>();
        // The citation may already name the day it took effect ("… 2026-02-05 시행)"): say it once.
        var inForceFrom = version.Provision.Citation.Contains(version.Id, StringComparison.Ordinal) ? "" : $" ({version.Id} 시행)";
        reasoning.Add($"{version.Provision.Citation}{inForceFrom} {InstitutionCategories.KoreanName(institution.Category)} 기준금액 {Won(minimum.AmountKrw)} {minimum.Confidence.Tag()}"
            + (minimum.Conservative ? " — 출처 충돌로 높은 금액 적용 (보수적 해석)" : "")
            + (minimum.Note is { Length: > 0 } note ? $": {note}" : ""));

        var types = ContinuityRulebooks.InsuredIncidentTypes.InForce(asOf);
        var required = minimum.AmountKrw;
        var registrations = institution.Registrations.Where(r => r.RegisteredOn <= asOf).OrderBy(r => r.RegisteredOn).ToList();
        var electronicFinance = version.For("electronic-finance");
        if (types is { RegistrationAddsElectronicFinanceMinimum: true } && electronicFinance is not null)
        {
            // An e-finance firm's base minimum already covers its first registered business.
            var added = institution.Category == "electronic-finance" ? registrations.Skip(1).ToList() : registrations;
            foreach (var registration in added)
            {
                required += electronicFinance.AmountKrw;
                reasoning.Add($"추가 전자금융업 등록 '{registration.Business}' ({registration.RegisteredOn:yyyy-MM-dd}): +{Won(electronicFinance.AmountKrw)} {types.RegistrationConfidence.Tag()}");
            }
        }

        var inForce = policies.Where(p => p.CoverFrom <= asOf && asOf <= p.CoverTo).ToList();
        var aggregate = inForce.Sum(p => p.AggregateLimitKrw);
        var perIncident = inForce.Sum(p => p.PerIncidentLimitKrw);
        var needed = Math.Max(0, required - reserveKrw);
        reasoning.Add($"필요 금액 {Won(required)}, 준비금 {Won(reserveKrw)} → 보험 한도는 {Won(needed)} 이상이어야 함 (제5조: 보험 한도 ≥ 기준금액 − 준비금)");
        reasoning.Add($"유효한 보험 {inForce.Count}건: 총 보상한도 {Won(aggregate)}, 사고 건당 한도 {Won(perIncident)}");

        if (inForce.Count == 0)
        {
            if (needed > 0)
            {
                shortfalls.Add(new(InsuranceShortfallKind.NoCover, $"{asOf:yyyy-MM-dd}에 유효한 보험이 없고 준비금이 기준금액에 미달합니다", required, reserveKrw));
            }

            return new InsuranceCheck(asOf, version.Id, version.Provision, minimum, required, 0, reserveKrw, shortfalls, reasoning);
        }

        if (aggregate < needed)
        {
            var lateRegistration = registrations.LastOrDefault(r => inForce.All(p => p.LastChangedOn < r.RegisteredOn));
            if (lateRegistration is not null && aggregate >= Math.Max(0, minimum.AmountKrw - reserveKrw))
            {
                shortfalls.Add(new(InsuranceShortfallKind.RegistrationNotReflected,
                    $"전자금융업 추가 등록 '{lateRegistration.Business}' ({lateRegistration.RegisteredOn:yyyy-MM-dd}) 이후 보상한도가 상향되지 않았습니다", needed, aggregate));
            }
            else
            {
                shortfalls.Add(new(InsuranceShortfallKind.LimitBelowMinimum, $"총 보상한도 {Won(aggregate)}이 필요 금액 {Won(needed)}에 미달합니다", needed, aggregate));
            }
        }

        if (perIncident < needed)
        {
            shortfalls.Add(new(InsuranceShortfallKind.PerIncidentLimitBelowMinimum, $"사고 건당 보상한도 {Won(perIncident)}이 필요 금액 {Won(needed)}에 미달합니다", needed, perIncident));
        }

        if (types is not null)
        {
            reasoning.Add($"담보 사고 유형: {types.Provision.Citation} {types.Provision.Confidence.Tag()}");
            foreach (var type in types.RequiredTypes)
            {
                var limit = inForce.SelectMany(p => p.CoveredTypes).Where(c => c.Type == type).Sum(c => c.LimitKrw);
                if (!inForce.Any(p => p.CoveredTypes.Any(c => c.Type == type)))
                {
                    shortfalls.Add(new(InsuranceShortfallKind.IncidentTypeNotCovered, $"사고 유형 '{TypeLabel(type)}'을(를) 담보하지 않습니다", needed, 0));
                }
                else if (limit < needed)
                {
                    shortfalls.Add(new(InsuranceShortfallKind.IncidentTypeBelowMinimum, $"사고 유형 '{TypeLabel(type)}'의 한도 {Won(limit)}이 필요 금액 {Won(needed)}에 미달합니다", needed, limit));
                }
            }
        }

        return new InsuranceCheck(asOf, version.Id, version.Provision, minimum, required, aggregate, reserveKrw, shortfalls, reasoning);
    }

    /// <summary>
    /// The next effective date after <paramref name="asOf"/> on which the result changes from compliant to short,
    /// so the deadline board can show it before it happens; null when no encoded version changes it.
    /// </summary>
    public static DateOnly? NextShortfallOn(InsuredInstitution institution, IReadOnlyCollection<LiabilityPolicyTerms> policies, long reserveKrw, DateOnly asOf)
    {
        if (!Check(institution, policies, reserveKrw, asOf).Compliant)
        {
            return null;
        }

        return RulebookLibrary.InsuranceMinimums.All
            .Select(v => v.EffectiveFrom)
            .Where(d => d > asOf)
            .Order()
            .Cast<DateOnly?>()
            .FirstOrDefault(d => !Check(institution, policies, reserveKrw, d!.Value).Compliant);
    }

    public static string TypeLabel(InsuredIncidentType type) => type switch
    {
        InsuredIncidentType.ForgedAccessMedia => "접근매체 위조·변조",
        InsuredIncidentType.TransmissionOrProcessing => "전자적 전송·처리 과정 사고",
        InsuredIncidentType.FraudulentlyObtainedAccessMedia => "부정 획득 접근매체 이용",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Won in 억/만 units as Korean forms write them (2억, 10억, 1억 5,000만).</summary>
    public static string Won(long krw)
    {
        if (krw == 0)
        {
            return "0원";
        }

        var eok = krw / 100_000_000;
        var man = krw % 100_000_000 / 10_000;
        var rest = krw % 10_000;
        var parts = new List<string>();
        if (eok != 0)
        {
            parts.Add($"{eok:N0}억");
        }

        if (man != 0)
        {
            parts.Add($"{man:N0}만");
        }

        if (rest != 0)
        {
            parts.Add($"{rest:N0}");
        }

        return string.Join(' ', parts) + "원";
    }
}
