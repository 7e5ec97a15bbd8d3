namespace FinCloud.Core.Organizations;

/// <summary>기관: a tenant. Every tenant-owned row belongs to exactly one organisation.</summary>
public sealed class Organization
{
    private Organization()
    {
    }

    public Guid Id { get; private init; }

    /// <summary>기관명 (국문).</summary>
    public string NameKo { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public OrganizationKind Kind { get; private init; }

    /// <summary>업권: only for <see cref="OrganizationKind.FinancialInstitution"/>.</summary>
    public InstitutionSector? Sector { get; private init; }

    public DateTimeOffset CreatedAt { get; private init; }

    /// <summary>
    /// 2단계 인증 필수: every member signs in with an authenticator code; a member without one is sent to set it up
    /// before anything else (관리자 정책, <c>/admin</c>).
    /// </summary>
    public bool RequiresTwoFactor { get; private set; }

    public void RequireTwoFactor(bool required) => RequiresTwoFactor = required;

    public string Name(bool korean) => korean ? NameKo : NameEn;

    public static Organization FinancialInstitution(string nameKo, string nameEn, InstitutionSector sector, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), NameKo = nameKo, NameEn = nameEn, Kind = OrganizationKind.FinancialInstitution, Sector = sector, CreatedAt = now };

    /// <summary>금융보안원 (FSI) or 금융감독원 (FSS): organisations without a sector.</summary>
    public static Organization Authority(OrganizationKind kind, string nameKo, string nameEn, DateTimeOffset now)
    {
        if (kind == OrganizationKind.FinancialInstitution)
        {
            throw new ArgumentException("A financial institution needs a sector.", nameof(kind));
        }

        return new() { Id = Guid.CreateVersion7(now), NameKo = nameKo, NameEn = nameEn, Kind = kind, CreatedAt = now };
    }
}

public enum OrganizationKind
{
    /// <summary>금융회사.</summary>
    FinancialInstitution = 1,

    /// <summary>금융보안원.</summary>
    Fsi = 2,

    /// <summary>금융감독원.</summary>
    Fss = 3,
}

/// <summary>업권, as the CLI contract enumerates it.</summary>
public enum InstitutionSector
{
    Bank = 1,
    Securities = 2,
    Insurance = 3,
    Card = 4,
    SavingsBank = 5,
    ElectronicFinance = 6,
    Other = 7,
}
