using System.Text.Json.Serialization;
using FinCloud.Rules.Json;

namespace FinCloud.Rules.CloudUse;

/// <summary>업권: the institution's sector.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<Sector>))]
public enum Sector
{
    Bank,
    Securities,
    Insurance,
    Card,
    SavingsBank,
    ElectronicFinance,
    Other,
}

/// <summary>서비스 모델 (IaaS/PaaS/SaaS).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<ServiceModel>))]
public enum ServiceModel
{
    Iaas,
    Paas,
    Saas,
}

/// <summary>중요도 판단 사유, in the contract's order. The first three are hard triggers (ED-2).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<MaterialityReason>))]
public enum MaterialityReason
{
    /// <summary>고유식별정보 processed in the cloud.</summary>
    UniqueIdentifiers,

    /// <summary>개인신용정보 processed in the cloud.</summary>
    PersonalCreditInfo,

    /// <summary>전자금융거래의 안전성·신뢰성에 중요한 영향.</summary>
    MaterialEfImpact,

    /// <summary>The institution's own verdict beyond the hard triggers.</summary>
    SelfAssessed,
}

/// <summary>절차 단계 요구수준: ○ / △ / × in the FSC tables (ED-3).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<StepRequirement>))]
public enum StepRequirement
{
    Required,

    /// <summary>△: the institution may adjust the check items itself.</summary>
    Relaxed,

    NotRequired,
}

/// <summary>사전보고 / 사후보고 / none.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<SupervisorReportKind>))]
public enum SupervisorReportKind
{
    PreReport,
    PostReport,
    None,
}

/// <summary>보고 사유: the events that start a report period (제14조의2④1~4호 [3P]; ED-7).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<CloudUseEventType>))]
public enum CloudUseEventType
{
    NewContract,
    NewWork,
    CspMaterialChange,
    ContractNonPerformance,
    EvaluationMaterialChange,
}

/// <summary>적합/충족 map to pass; any other verdict is a fail (ED-5).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<FsiEvaluationResult>))]
public enum FsiEvaluationResult
{
    Pass,
    Fail,
}

/// <summary>How a rulebook computes a report's due date.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<DeadlineRule>))]
public enum DeadlineRule
{
    /// <summary>No report to the FSS.</summary>
    None,

    /// <summary>A report is owed, but its deadline lies under another instrument (2019, non-material).</summary>
    OutsideScope,

    /// <summary>N 관공서 business days before the first day of use, that day not counted (ED-6).</summary>
    BusinessDaysBeforeUsage,

    /// <summary>Within N months of the trigger, under 민법 제157·160·161조 (ED-8).</summary>
    MonthsAfterTrigger,
}
