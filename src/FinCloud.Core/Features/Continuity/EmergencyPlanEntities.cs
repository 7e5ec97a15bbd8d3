using FinCloud.Core.Tenancy;

namespace FinCloud.Core.Features.Continuity;

/// <summary>재해 시나리오 the 비상대책 must answer.</summary>
public enum DisasterScenario
{
    /// <summary>전산센터 소실.</summary>
    DataCentreLoss = 1,

    /// <summary>화재.</summary>
    Fire = 2,

    /// <summary>네트워크 장애.</summary>
    Network = 3,

    /// <summary>클라우드(CSP) 장애.</summary>
    CspOutage = 4,

    /// <summary>주요 제3자 서비스 장애.</summary>
    ThirdPartyOutage = 5,
}

/// <summary>
/// 행동매뉴얼 / 절차서: one version of the response procedure for a scenario. A new version is a new row; the
/// last review date shows stale runbooks (the seed found procedures not kept current).
/// </summary>
public sealed class EmergencyProcedure : ITenantOwned
{
    private EmergencyProcedure()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public DisasterScenario Scenario { get; private init; }

    public int Version { get; private init; }

    public string Title { get; private init; } = "";

    /// <summary>Concrete steps, one per line.</summary>
    public string Steps { get; private init; } = "";

    public DateOnly ReviewedOn { get; private set; }

    public bool IsCurrent { get; private set; }

    public string Label => $"{Title} v{Version}";

    public static EmergencyProcedure NewVersion(DisasterScenario scenario, int version, string title, string steps, DateOnly reviewedOn, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), Scenario = scenario, Version = version, Title = title.Trim(), Steps = steps.Trim(), ReviewedOn = reviewedOn, IsCurrent = true };

    public void Supersede() => IsCurrent = false;

    public void Reviewed(DateOnly on) => ReviewedOn = on;

    /// <summary>Not reviewed within 12 months.</summary>
    public bool IsStale(DateOnly today) => ReviewedOn.AddMonths(12) < today;
}

/// <summary>비상대응 조직: a role in the 비상대책위원회 or one of its teams, with its responsibilities.</summary>
public sealed class EmergencyRole : ITenantOwned
{
    private EmergencyRole()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    /// <summary>비상대책위원회, 복구팀, 대외협력팀 …</summary>
    public string Body { get; private set; } = "";

    public string Role { get; private set; } = "";

    public string Responsibilities { get; private set; } = "";

    /// <summary>The member who holds the role; null while vacant (shown as a gap).</summary>
    public Guid? HolderId { get; private set; }

    public Guid? DeputyId { get; private set; }

    public static EmergencyRole Create(string body, string role, string responsibilities, Guid? holderId, Guid? deputyId, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), Body = body.Trim(), Role = role.Trim(), Responsibilities = responsibilities.Trim(), HolderId = holderId, DeputyId = deputyId };

    /// <summary>Rewrites what the role is and who holds it; the plan page and the API edit a role as a whole.</summary>
    public void Update(string body, string role, string responsibilities, Guid? holderId, Guid? deputyId)
    {
        Body = body.Trim();
        Role = role.Trim();
        Responsibilities = responsibilities.Trim();
        Assign(holderId, deputyId);
    }

    public void Assign(Guid? holderId, Guid? deputyId)
    {
        HolderId = holderId;
        DeputyId = deputyId;
    }
}
