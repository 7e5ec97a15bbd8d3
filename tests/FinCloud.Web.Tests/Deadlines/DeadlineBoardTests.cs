using FinCloud.Core.Deadlines;
using FinCloud.Core.Lists;
using FinCloud.Web.Features.Deadlines;
using Microsoft.Extensions.Time.Testing;

namespace FinCloud.Web.Tests.Deadlines;

public sealed class DeadlineBoardTests
{
    // 2026-11-02 09:00 KST, a Monday.
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private static DeadlineBoard Board(DateTimeOffset now) => new([], new FakeTimeProvider(now));

    private static Deadline Due(string key, DateOnly on) => new(key, key, on, "/x/" + key);

    [Fact]
    public void Overdue_deadlines_come_first_then_by_due_date()
    {
        var board = Board(Monday);
        var today = board.Today;

        var rows = board.Rank([Due("later", today.AddDays(40)), Due("soon", today.AddDays(2)), Due("late", today.AddDays(-3)), Due("today", today)], today);

        rows.Select(r => r.Deadline.Key).ShouldBe(["late", "today", "soon", "later"]);
        rows.Select(r => r.Status).ShouldBe([DeadlineStatus.Overdue, DeadlineStatus.DueToday, DeadlineStatus.DueSoon, DeadlineStatus.Upcoming]);
        rows[0].DaysLeft.ShouldBe(-3);
    }

    [Fact]
    public void The_board_pages_in_memory_soonest_first_and_filters_by_status_and_module()
    {
        var board = Board(Monday);
        var today = board.Today;
        var rows = board.Rank(Enumerable.Range(0, 120).Select(i =>
            Due($"d{i:D3}", today.AddDays(i - 10)) with { Category = i % 2 == 0 ? DeadlineCategory.CloudUseTask : DeadlineCategory.Certificate }), today);

        var first = DeadlineList.Definition.Page(rows, new ListQuery { PageSize = 50 });
        var last = DeadlineList.Definition.Page(rows, new ListQuery { PageSize = 50, Page = 3 });
        first.TotalCount.ShouldBe(120);
        first.Items[0].Status.ShouldBe(DeadlineStatus.Overdue);
        first.Items.Select(r => r.Deadline.DueOn).ShouldBeInOrder();
        last.Items.Count.ShouldBe(20);
        last.Items[^1].Deadline.Key.ShouldBe("d119");

        DeadlineList.Definition.Page(rows, new ListQuery().WithFilter("status", "overdue")).TotalCount.ShouldBe(10);
        DeadlineList.Definition.Page(rows, new ListQuery().WithFilter("category", DeadlineCategory.Certificate)).Items
            .ShouldAllBe(r => r.Deadline.Category == DeadlineCategory.Certificate);
        DeadlineList.Definition.Page(rows, new ListQuery { Search = "D007" }).Items.Single().Deadline.Key.ShouldBe("d007");
    }

    [Fact]
    public void Today_is_the_korean_date_not_the_utc_date()
    {
        // 2026-11-01 15:30 UTC is already 2026-11-02 00:30 in Seoul.
        Board(new DateTimeOffset(2026, 11, 1, 15, 30, 0, TimeSpan.Zero)).Today.ShouldBe(new DateOnly(2026, 11, 2));
    }

    [Fact]
    public void Business_days_left_skip_weekends()
    {
        var board = Board(Monday);

        // Monday 11-02 to the next Monday 11-09: Tue–Fri and Monday are five business days.
        board.Row(Due("a", new DateOnly(2026, 11, 9)), new DateOnly(2026, 11, 2)).BusinessDaysLeft.ShouldBe(5);
        board.Row(Due("a", new DateOnly(2026, 11, 9)), new DateOnly(2026, 11, 2)).DaysLeft.ShouldBe(7);
    }

    [Fact]
    public void Reminder_that_falls_on_a_weekend_is_sent_the_business_day_before()
    {
        var board = Board(Monday);

        // Due Saturday 2026-12-12: seven days before is Saturday 12-05, so the reminder goes on Friday 12-04.
        board.ReminderDay(new DateOnly(2026, 12, 12), 7).ShouldBe(new DateOnly(2026, 12, 4));
        board.ReminderDay(new DateOnly(2026, 12, 9), 7).ShouldBe(new DateOnly(2026, 12, 2));
    }

    [Fact]
    public void Reminder_that_falls_on_a_public_holiday_is_sent_the_business_day_before()
    {
        var board = Board(Monday);

        // 2026-10-09 (한글날) is a Friday holiday: one day before a deadline on Saturday 10-10 means Thursday 10-08.
        board.ReminderDay(new DateOnly(2026, 10, 10), 1).ShouldBe(new DateOnly(2026, 10, 8));
    }
}
