namespace FinCloud.Scanner;

/// <summary>The kinds of identifier a scan reports, in the order overlaps are resolved.</summary>
public enum IdentifierType
{
    /// <summary>주민등록번호.</summary>
    Rrn,

    /// <summary>외국인등록번호.</summary>
    ForeignerRn,

    /// <summary>Payment card number.</summary>
    Card,

    /// <summary>사업자등록번호.</summary>
    Brn,

    /// <summary>Korean subscriber telephone number.</summary>
    Phone,

    /// <summary>운전면허번호.</summary>
    DriverLicense,

    /// <summary>여권번호.</summary>
    Passport,

    /// <summary>Bank account number.</summary>
    Account,

    /// <summary>E-mail address.</summary>
    Email,
}

/// <summary>How sure a finding is (scan-labels §6).</summary>
public enum Confidence
{
    Low,
    Medium,
    High,
}

/// <summary>Whether the identifier's check digit holds, where it has one.</summary>
public enum ChecksumStatus
{
    NotApplicable,
    Valid,
    Invalid,
}

/// <summary>The contract's kebab-case names for the scanner's enums.</summary>
public static class ContractNames
{
    private static readonly string[] TypeNames =
        ["rrn", "foreigner-rn", "card", "brn", "phone", "driver-license", "passport", "account", "email"];

    public static IReadOnlyList<string> AllTypeNames => TypeNames;

    public static string Name(this IdentifierType type) => TypeNames[(int)type];

    public static string Name(this Confidence confidence) => confidence switch
    {
        Confidence.Low => "low",
        Confidence.Medium => "medium",
        Confidence.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(confidence)),
    };

    public static string Name(this ChecksumStatus checksum) => checksum switch
    {
        ChecksumStatus.Valid => "valid",
        ChecksumStatus.Invalid => "invalid",
        ChecksumStatus.NotApplicable => "n/a",
        _ => throw new ArgumentOutOfRangeException(nameof(checksum)),
    };

    public static bool TryParseType(string name, out IdentifierType type)
    {
        var index = Array.IndexOf(TypeNames, name);
        type = (IdentifierType)Math.Max(index, 0);
        return index >= 0;
    }

    public static bool TryParseConfidence(string name, out Confidence confidence)
    {
        (var ok, confidence) = name switch
        {
            "low" => (true, Confidence.Low),
            "medium" => (true, Confidence.Medium),
            "high" => (true, Confidence.High),
            _ => (false, Confidence.Low),
        };
        return ok;
    }
}
