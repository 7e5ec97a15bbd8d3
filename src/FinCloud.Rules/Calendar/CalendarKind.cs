using System.Text.Json.Serialization;
using FinCloud.Rules.Json;

namespace FinCloud.Rules.Calendar;

/// <summary>관공서 / 은행 / 거래소 달력 (ED-9).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<CalendarKind>))]
public enum CalendarKind
{
    /// <summary>관공서 영업일: every FSC/FSS deadline and every 민법 제161조 roll.</summary>
    Public,

    /// <summary>Banks: the public calendar plus 5/1 (근로자의 날, 노동절 from 2026).</summary>
    Bank,

    /// <summary>KRX: the bank calendar plus the year-end closing day.</summary>
    Exchange,
}
