using FinCloud.Rules;
using FinCloud.Rules.Continuity;

namespace FinCloud.Core.Features.Continuity;

/// <summary>
/// Field checks of the register forms, keyed by field name so each message shows under its field. The register's own
/// checks (a duplicate code, a site that does not exist) still run on save and are keyed by the field they concern.
/// </summary>
public static class ContinuityValidation
{
    public const int MaxMinutes = 100_000;

    public static Dictionary<string, string> Process(BusinessProcessInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>();
        Text(errors, "code", input.Code, 40, "업무 코드");
        Text(errors, "name", input.Name, 200, "업무명");
        Text(errors, "department", input.Department, 100, "주관 부서");
        if (input.RtoMinutes is <= 0 or > MaxMinutes)
        {
            errors["rtoMinutes"] = $"RTO는 1~{MaxMinutes:N0}분 사이여야 합니다";
        }

        if (input.RpoMinutes is < 0 or > MaxMinutes)
        {
            errors["rpoMinutes"] = $"RPO는 0~{MaxMinutes:N0}분 사이여야 합니다";
        }

        if (input.IsCore && string.IsNullOrWhiteSpace(input.CoreRationale))
        {
            errors["coreRationale"] = "핵심업무 지정에는 사유가 필요합니다";
        }
        else if (input.CoreRationale is { Length: > 1000 })
        {
            errors["coreRationale"] = "지정 사유는 1000자 이내로 입력하세요";
        }

        for (var i = 0; i < input.Impacts.Count; i++)
        {
            if (Impact(input.Impacts[i]) is { } message)
            {
                errors[$"impacts[{i}]"] = message;
            }
        }

        var times = input.Impacts.Select(p => p.After).ToList();
        if (times.Distinct().Count() != times.Count)
        {
            errors["impacts"] = "같은 경과 시간이 두 번 입력되었습니다";
        }

        return errors;
    }

    private static string? Impact(ImpactPoint p)
    {
        if (p.After <= TimeSpan.Zero || p.After.TotalMinutes > MaxMinutes)
        {
            return "경과 시간은 1분 이상이어야 합니다";
        }

        if (p.FinancialLossKrw < 0)
        {
            return "손실액은 음수일 수 없습니다";
        }

        return new[] { p.Customer, p.Regulatory, p.Reputation }.Any(v => v is < 0 or > 5) ? "고객·규제·평판 영향은 0~5점입니다" : null;
    }

    public static Dictionary<string, string> Asset(ItAssetInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>();
        Text(errors, "code", input.Code, 40, "시스템 코드");
        Text(errors, "name", input.Name, 200, "시스템명");
        if (input.DesignedRecoveryMinutes is <= 0 or > MaxMinutes)
        {
            errors["designedRecoveryMinutes"] = $"설계 복구시간은 1~{MaxMinutes:N0}분 사이여야 합니다";
        }

        if (input.DrCapacityShare is < 0 or > 2)
        {
            errors["drCapacityShare"] = "재해복구 용량은 0~200% 사이여야 합니다";
        }

        if (input.DrMode != DrMode.None && input.DrSiteId is null)
        {
            errors["drSiteId"] = "재해복구 방식이 있으면 재해복구센터를 선택하세요";
        }

        if (input.DedicatedLinesAtDr is < 0 or > 100)
        {
            errors["dedicatedLinesAtDr"] = "전용회선 수는 0~100입니다";
        }

        if (input.CarriersAtDr < 0 || input.CarriersAtDr > 10 || (input.DedicatedLinesAtDr > 0 && input.CarriersAtDr > input.DedicatedLinesAtDr))
        {
            errors["carriersAtDr"] = "통신사 수는 0~10이며 회선 수를 넘을 수 없습니다";
        }

        return errors;
    }

    public static Dictionary<string, string> Procedure(string title, string steps, DateOnly reviewedOn, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        Text(errors, "title", title, 200, "절차명");
        if (string.IsNullOrWhiteSpace(steps))
        {
            errors["steps"] = "대응 절차를 한 줄에 한 단계씩 입력하세요";
        }

        if (reviewedOn > today)
        {
            errors["reviewedOn"] = "검토일이 미래입니다";
        }

        return errors;
    }

    public static Dictionary<string, string> Role(string body, string role, string responsibilities)
    {
        var errors = new Dictionary<string, string>();
        Text(errors, "body", body, 100, "조직");
        Text(errors, "role", role, 100, "역할");
        if (string.IsNullOrWhiteSpace(responsibilities))
        {
            // The seed found committees without clear roles: a role needs its duties written down.
            errors["responsibilities"] = "역할의 책임과 임무를 입력하세요";
        }

        return errors;
    }

    private static void Text(Dictionary<string, string> errors, string field, string? value, int max, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = $"{KoreanParticles.AsObject(label)} 입력하세요";
        }
        else if (value.Trim().Length > max)
        {
            errors[field] = $"{KoreanParticles.AsTopic(label)} {max}자 이내로 입력하세요";
        }
    }
}
