using System.Text.Json.Serialization;
using FinCloud.Rules.Json;

namespace FinCloud.Rules.NetworkSeparation;

/// <summary>A calendar half: 1 Jan–30 Jun or 1 Jul–31 Dec (ED-14).</summary>
public readonly record struct HalfYear(int Year, int Half)
{
    public DateOnly Start => new(Year, Half == 1 ? 1 : 7, 1);

    public DateOnly End => Half == 1 ? new(Year, 6, 30) : new(Year, 12, 31);

    /// <summary>반기 이행점검 is due by the last day of the half (ED-14).</summary>
    public DateOnly DueBy => End;

    public static HalfYear Containing(DateOnly day) => new(day.Year, day.Month <= 6 ? 1 : 2);

    public HalfYear Next() => Half == 1 ? new(Year, 2) : new(Year + 1, 1);

    /// <summary>Display label, e.g. <c>2026 상반기</c>.</summary>
    public string LabelKo => $"{Year} {(Half == 1 ? "상반기" : "하반기")}";
}

[JsonConverter(typeof(KebabCaseEnumConverter<ReviewStatus>))]
public enum ReviewStatus
{
    /// <summary>The half has not begun.</summary>
    Upcoming,

    /// <summary>The half is running and its review is not done.</summary>
    Due,

    Overdue,
    Done,
}

/// <summary>
/// 반기 이행점검 (시행세칙 제2조의3④ [3P]; ED-14): every calendar half in which an exemption is active needs one
/// evaluation of its controls, reported to the 정보보호위원회, by the last day of that half.
/// </summary>
public static class HalfYearlyReviewSchedule
{
    /// <summary>The halves that need a review, from the one the exemption went active in through the one containing <paramref name="through"/>.</summary>
    public static IEnumerable<HalfYear> Halves(DateOnly activeFrom, DateOnly through)
    {
        for (var half = HalfYear.Containing(activeFrom); half.Start <= through; half = half.Next())
        {
            yield return half;
        }
    }

    public static ReviewStatus StatusOf(HalfYear half, DateOnly today, bool done) =>
        done ? ReviewStatus.Done
        : today > half.DueBy ? ReviewStatus.Overdue
        : today >= half.Start ? ReviewStatus.Due
        : ReviewStatus.Upcoming;

    /// <summary>The next review still to do on <paramref name="today"/>: the oldest half not done, up to the current one.</summary>
    public static HalfYear? NextOpen(DateOnly activeFrom, DateOnly today, IReadOnlySet<HalfYear> done) =>
        Halves(activeFrom, today).Where(h => !done.Contains(h)).Select(h => (HalfYear?)h).FirstOrDefault();
}
