using System.Globalization;
using FinCloud.Rules.Calendar;

namespace FinCloud.Rules.Tests.Calendar;

/// <summary>민법 제157조·제160조·제161조 (ED-8), with the examples of the encoding decision.</summary>
public sealed class CivilPeriodTests
{
    private static DateOnly P(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2023-03-15", "2023-06-15", "2023-06-15")]
    [InlineData("2023-11-30", "2024-02-29", "2024-02-29")]
    [InlineData("2023-03-04", "2023-06-04", "2023-06-05")]
    [InlineData("2023-02-28", "2023-05-31", "2023-05-31")]
    [InlineData("2025-07-03", "2025-10-03", "2025-10-10")]
    public void Three_month_periods_follow_the_ED8_examples(string trigger, string periodEnd, string due)
    {
        CivilPeriod.EndOfMonths(P(trigger), 3).ShouldBe(P(periodEnd));
        CivilPeriod.DueAfterMonths(P(trigger), 3, HolidayCalendar.Default).ShouldBe(P(due));
    }

    [Fact]
    public void A_period_starting_on_the_31st_ends_on_the_last_day_of_a_shorter_month() =>
        CivilPeriod.EndOfMonths(P("2023-10-30"), 4).ShouldBe(P("2024-02-29"));

    [Fact]
    public void The_trigger_day_is_not_counted() =>
        CivilPeriod.EndOfMonths(P("2024-01-31"), 1).ShouldBe(P("2024-02-29"));

    [Fact]
    public void Trigger_plus_three_months_is_not_the_rule_at_february_end() =>
        CivilPeriod.EndOfMonths(P("2023-02-28"), 3).ShouldNotBe(P("2023-05-28"));

    [Fact]
    public void A_period_ending_on_workers_day_does_not_roll_ED10() =>
        CivilPeriod.DueAfterMonths(P("2025-01-31"), 3, HolidayCalendar.Default).ShouldBe(P("2025-04-30"));

    [Fact]
    public void A_period_ending_on_a_saturday_rolls_to_monday() =>
        CivilPeriod.DueAfterMonths(P("2024-05-31"), 3, HolidayCalendar.Default).ShouldBe(P("2024-09-02"));

    [Fact]
    public void A_period_ending_in_chuseok_rolls_past_the_whole_holiday() =>
        CivilPeriod.DueAfterMonths(P("2024-06-16"), 3, HolidayCalendar.Default).ShouldBe(P("2024-09-19"));
}
