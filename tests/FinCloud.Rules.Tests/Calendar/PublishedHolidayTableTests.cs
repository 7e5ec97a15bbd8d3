using System.Globalization;
using FinCloud.Rules.Calendar;

namespace FinCloud.Rules.Tests.Calendar;

/// <summary>The computed calendar against the holiday tables of the regulatory reference (§H.2, §H.3).</summary>
public sealed class PublishedHolidayTableTests
{
    private static readonly IReadOnlyList<(DateOnly Date, string Day, string Name)> Published = File
        .ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "published-holidays-2018-2027.tsv"))
        .Where(line => !line.StartsWith('#'))
        .Select(line => line.Split('\t'))
        .Select(f => (DateOnly.ParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), f[1], f[2]))
        .ToList();

    public static TheoryData<int> Years() => [.. Enumerable.Range(2019, 9)];

    [Theory]
    [MemberData(nameof(Years))]
    public void Computed_public_holidays_equal_the_published_table(int year)
    {
        var expected = Published.Where(p => p.Date.Year == year).Select(p => p.Date).ToList();
        var computed = HolidayCalendar.Default.Holidays(year).Select(h => h.Date).ToList();

        computed.Except(expected).ShouldBeEmpty($"computed but not published in {year}");
        expected.Except(computed).ShouldBeEmpty($"published but not computed in {year}");
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Substitute_days_are_exactly_those_the_table_names_as_substitutes(int year)
    {
        var expected = Published.Where(p => p.Date.Year == year && p.Name.Contains("대체공휴일", StringComparison.Ordinal)).Select(p => p.Date);
        var computed = HolidayCalendar.Default.Holidays(year).Where(h => h.Substitute).Select(h => h.Date);

        computed.ShouldBe(expected);
    }

    [Fact]
    public void The_table_weekdays_agree_with_the_dates() =>
        Published.ShouldAllBe(p => p.Date.DayOfWeek.ToString().StartsWith(p.Day, StringComparison.Ordinal));

    [Fact]
    public void Christmas_2018_is_in_the_calendar_for_early_2019_pre_reports() =>
        HolidayCalendar.Default.IsBusinessDay(new DateOnly(2018, 12, 25)).ShouldBeFalse();

    [Theory]
    [InlineData("2015-09-29")] // 추석 9/26–28 includes a Sunday
    [InlineData("2017-10-06")] // 추석 coincides with 개천절 on 10/3
    [InlineData("2018-05-07")] // 어린이날 on a Saturday
    [InlineData("2029-05-07")] // 어린이날 on a Saturday again
    public void Substitute_days_outside_the_tables_follow_the_same_rules(string date) =>
        HolidayCalendar.Default.Holidays(int.Parse(date[..4], CultureInfo.InvariantCulture))
            .ShouldContain(h => h.Date == DateOnly.Parse(date, CultureInfo.InvariantCulture) && h.Substitute);

    [Fact]
    public void Two_holidays_on_one_day_give_one_substitute()
    {
        var may2025 = HolidayCalendar.Default.Holidays(2025).Where(h => h.Date.Month == 5).ToList();

        may2025.Count(h => h.Substitute).ShouldBe(1);
        may2025.Single(h => h.Substitute).Date.ShouldBe(new DateOnly(2025, 5, 6));
    }

    [Theory]
    [InlineData(2015)]
    [InlineData(2020)]
    [InlineData(2030)]
    public void Lunar_holidays_come_from_the_korean_lunisolar_calendar(int year)
    {
        var lunar = new KoreanLunisolarCalendar();
        var leap = lunar.GetLeapMonth(year);
        var month8 = leap != 0 && 8 >= leap ? 9 : 8;
        var chuseok = DateOnly.FromDateTime(lunar.ToDateTime(year, month8, 15, 0, 0, 0, 0));

        HolidayCalendar.Default.Holidays(year).ShouldContain(h => h.Date == chuseok && h.Name.Contains("추석", StringComparison.Ordinal));
    }
}
