using System.Text.Json.Serialization;
using FinCloud.Rules.Json;

namespace FinCloud.Rules.NetworkSeparation;

/// <summary>
/// The information categories an exemption's data scope may exclude (처리 제외 데이터, ED-15, §G.8).
/// Broader categories contain narrower ones: see <see cref="DataCategories.Implied"/>.
/// </summary>
[JsonConverter(typeof(KebabCaseEnumConverter<DataCategory>))]
public enum DataCategory
{
    /// <summary>개인정보 (개인정보 보호법 제2조1호).</summary>
    PersonalInformation,

    /// <summary>고유식별정보: RRN, passport, driver's licence and foreigner registration numbers (개인정보 보호법 제24조①).</summary>
    UniqueIdentifier,

    /// <summary>신용정보 (신용정보법 제2조1호).</summary>
    CreditInformation,

    /// <summary>개인신용정보 (신용정보법 제2조2호).</summary>
    PersonalCreditInformation,

    /// <summary>금융거래정보 / 거래정보 (금융실명법 제4조); S3 writes 금융거래정보 for M365 and 거래정보 for Pulse.</summary>
    TransactionInformation,
}

public static class DataCategories
{
    /// <summary>
    /// The category itself and every broader category it belongs to: 고유식별정보 is 개인정보, and 개인신용정보 is both
    /// 개인정보 and 신용정보. An exclusion of the broader category therefore also excludes the narrower one.
    /// </summary>
    public static IReadOnlySet<DataCategory> Implied(DataCategory category) => category switch
    {
        DataCategory.UniqueIdentifier => new HashSet<DataCategory> { DataCategory.UniqueIdentifier, DataCategory.PersonalInformation },
        DataCategory.PersonalCreditInformation => new HashSet<DataCategory>
        {
            DataCategory.PersonalCreditInformation, DataCategory.CreditInformation, DataCategory.PersonalInformation,
        },
        DataCategory.PersonalInformation or DataCategory.CreditInformation or DataCategory.TransactionInformation =>
            new HashSet<DataCategory> { category },
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    /// <summary>The Korean term shown in the UI and in regulatory outputs.</summary>
    public static string KoreanTerm(this DataCategory category) => category switch
    {
        DataCategory.PersonalInformation => "개인정보",
        DataCategory.UniqueIdentifier => "고유식별정보",
        DataCategory.CreditInformation => "신용정보",
        DataCategory.PersonalCreditInformation => "개인신용정보",
        DataCategory.TransactionInformation => "금융거래정보",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };
}
