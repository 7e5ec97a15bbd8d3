using FinCloud.Rules.NetworkSeparation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FinCloud.Rules.Tests.NetworkSeparation;

public sealed class HalfYearlyReviewScheduleTests
{
    [Theory]
    [InlineData("2026-01-01", "2026-06-30")]
    [InlineData("2026-06-30", "2026-06-30")]
    [InlineData("2026-07-01", "2026-12-31")]
    [InlineData("2026-11-27", "2026-12-31")]
    public void Review_is_due_on_the_last_day_of_the_calendar_half(string day, string due) =>
        HalfYear.Containing(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).DueBy
            .ShouldBe(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture));

    [Property]
    public Property Every_day_lies_in_its_half_and_the_next_half_starts_the_day_after() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 365 * 30)), offset =>
        {
            var day = new DateOnly(2015, 1, 1).AddDays(offset);
            var half = HalfYear.Containing(day);
            return half.Start <= day && day <= half.End && half.Next().Start == half.End.AddDays(1);
        });

    [Fact]
    public void An_exemption_active_since_May_needs_a_review_in_each_half_through_today()
    {
        HalfYearlyReviewSchedule.Halves(new DateOnly(2026, 5, 10), new DateOnly(2027, 1, 2))
            .ShouldBe([new HalfYear(2026, 1), new HalfYear(2026, 2), new HalfYear(2027, 1)]);
    }

    [Fact]
    public void A_review_not_done_by_the_end_of_its_half_is_overdue()
    {
        var half = new HalfYear(2026, 2);
        HalfYearlyReviewSchedule.StatusOf(half, new DateOnly(2026, 6, 30), done: false).ShouldBe(ReviewStatus.Upcoming);
        HalfYearlyReviewSchedule.StatusOf(half, new DateOnly(2026, 12, 31), done: false).ShouldBe(ReviewStatus.Due);
        HalfYearlyReviewSchedule.StatusOf(half, new DateOnly(2027, 1, 1), done: false).ShouldBe(ReviewStatus.Overdue);
        HalfYearlyReviewSchedule.StatusOf(half, new DateOnly(2027, 1, 1), done: true).ShouldBe(ReviewStatus.Done);
    }

    [Fact]
    public void The_next_open_review_is_the_oldest_half_not_done()
    {
        var done = new HashSet<HalfYear> { new(2026, 1) };
        HalfYearlyReviewSchedule.NextOpen(new DateOnly(2026, 3, 1), new DateOnly(2027, 2, 1), done).ShouldBe(new HalfYear(2026, 2));
        HalfYearlyReviewSchedule.NextOpen(new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 1), done).ShouldBeNull();
    }
}
