using System.Text.Json.Serialization;
using FinCloud.Rules.Json;
using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.Calendar;

/// <summary>Why a day is closed.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<HolidayKind>))]
public enum HolidayKind
{
    /// <summary>A fixed or lunar public holiday of 관공서의 공휴일에 관한 규정.</summary>
    Statutory,

    /// <summary>대체공휴일.</summary>
    Substitute,

    /// <summary>Election day of a term-expiry election (or an early presidential election).</summary>
    Election,

    /// <summary>임시공휴일 designated by cabinet decision.</summary>
    Temporary,

    /// <summary>5/1: banks and the exchange close; not a 관공서 holiday (ED-10).</summary>
    WorkersDay,

    /// <summary>KRX year-end closing day (ED-9).</summary>
    ExchangeYearEnd,
}

/// <summary>One closed day of a calendar. Days closed for two reasons appear once with both names.</summary>
public sealed record Holiday(DateOnly Date, string Name, bool Substitute, HolidayKind Kind);

/// <summary>
/// An election day or 임시공휴일 that is data, not rule: bundled for the known years, and added by an
/// administrator as soon as the cabinet designates one (ED-11).
/// </summary>
public sealed record DesignatedHoliday(
    DateOnly Date,
    string Name,
    HolidayKind Kind,
    Confidence Confidence = Confidence.Verified,
    string? SourceUrl = null,
    string? Note = null);
