namespace FinCloud.Rules.CloudUse;

/// <summary>Korean labels of the decision's values, as the FSC tables and forms word them.</summary>
public static class Korean
{
    public static string Reason(MaterialityReason reason) => reason switch
    {
        MaterialityReason.UniqueIdentifiers => "고유식별정보 처리",
        MaterialityReason.PersonalCreditInfo => "개인신용정보 처리",
        MaterialityReason.MaterialEfImpact => "전자금융거래의 안전성·신뢰성에 중요한 영향",
        MaterialityReason.SelfAssessed => "기관 자체 중요도 판단",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    public static string Requirement(StepRequirement requirement) => requirement switch
    {
        StepRequirement.Required => "필수 (○)",
        StepRequirement.Relaxed => "완화 (△, 점검 항목 자체 조정 가능)",
        StepRequirement.NotRequired => "해당 없음 (×)",
        _ => throw new ArgumentOutOfRangeException(nameof(requirement)),
    };

    public static string Report(SupervisorReportKind kind) => kind switch
    {
        SupervisorReportKind.PreReport => "사전보고",
        SupervisorReportKind.PostReport => "사후보고",
        SupervisorReportKind.None => "보고 의무 없음",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Event(CloudUseEventType type) => type switch
    {
        CloudUseEventType.NewContract => "신규 계약",
        CloudUseEventType.NewWork => "기존 계약에 따른 신규 업무",
        CloudUseEventType.CspMaterialChange => "CSP의 중대한 변경 (합병·분할·재위탁 등)",
        CloudUseEventType.ContractNonPerformance => "중요 계약사항 불이행",
        CloudUseEventType.EvaluationMaterialChange => "평가 결과·안전성 확보조치의 중대한 변경",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string Model(ServiceModel model) => model switch
    {
        ServiceModel.Iaas => "IaaS",
        ServiceModel.Paas => "PaaS",
        ServiceModel.Saas => "SaaS",
        _ => throw new ArgumentOutOfRangeException(nameof(model)),
    };
}
