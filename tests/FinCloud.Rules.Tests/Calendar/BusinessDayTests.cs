using FinCloud.Rules.Calendar;
using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.Tests.Calendar;

public sealed class BusinessDayTests
{
    private static readonly HolidayCalendar Calendar = HolidayCalendar.Default;

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Seven_business_days_before_usage_skip_the_substitute_holiday_ED6() =>
        Calendar.AddBusinessDays(D(2022, 10, 17), -7).ShouldBe(D(2022, 10, 5));

    [Fact]
    public void From_a_saturday_plus_one_is_the_next_business_day() =>
        Calendar.AddBusinessDays(D(2025, 10, 4), 1).ShouldBe(D(2025, 10, 10));

    [Fact]
    public void From_a_saturday_minus_one_is_the_previous_business_day() =>
        Calendar.AddBusinessDays(D(2025, 10, 4), -1).ShouldBe(D(2025, 10, 2));

    [Fact]
    public void Adding_zero_business_days_returns_the_date_itself() =>
        Calendar.AddBusinessDays(D(2025, 10, 4), 0).ShouldBe(D(2025, 10, 4));

    [Fact]
    public void Workers_day_is_a_public_business_day_but_closes_banks_and_the_exchange_ED10()
    {
        Calendar.IsBusinessDay(D(2025, 5, 1)).ShouldBeTrue();
        Calendar.IsBusinessDay(D(2025, 5, 1), CalendarKind.Bank).ShouldBeFalse();
        Calendar.IsBusinessDay(D(2025, 5, 1), CalendarKind.Exchange).ShouldBeFalse();
    }

    [Fact]
    public void Workers_day_is_called_labour_day_from_2026() =>
        Calendar.Holidays(2026, CalendarKind.Bank).Single(h => h.Date == D(2026, 5, 1)).Name.ShouldBe("노동절");

    [Theory]
    [InlineData(2023, 12, 29)] // 12/31 is a Sunday: the last weekday closes
    [InlineData(2024, 12, 31)]
    [InlineData(2022, 12, 30)] // 12/31 is a Saturday
    public void The_exchange_closes_on_the_years_last_weekday_ED9(int y, int m, int d)
    {
        Calendar.IsBusinessDay(D(y, m, d), CalendarKind.Exchange).ShouldBeFalse();
        Calendar.IsBusinessDay(D(y, m, d), CalendarKind.Bank).ShouldBeTrue();
        Calendar.IsBusinessDay(D(y, m, d)).ShouldBeTrue();
    }

    [Fact]
    public void A_temporary_holiday_added_later_moves_a_business_day_count()
    {
        var withHoliday = Calendar.With([new DesignatedHoliday(D(2026, 11, 27), "임시공휴일", HolidayKind.Temporary, Confidence.Verified)]);

        Calendar.IsBusinessDay(D(2026, 11, 27)).ShouldBeTrue();
        withHoliday.IsBusinessDay(D(2026, 11, 27)).ShouldBeFalse();
        withHoliday.AddBusinessDays(D(2026, 11, 26), 1).ShouldBe(D(2026, 11, 30));
        withHoliday.Version.ShouldNotBe(Calendar.Version);
    }

    [Fact]
    public void An_added_election_day_on_a_holiday_gives_a_substitute_only_through_the_holiday_rules()
    {
        // 2029-05-05 is a Saturday: 어린이날's substitute is Monday 05-07 whatever else is added.
        var withElection = Calendar.With([new DesignatedHoliday(D(2029, 5, 5), "가상의 선거일", HolidayKind.Election)]);

        withElection.Holidays(2029).Where(h => h.Substitute && h.Date.Month == 5 && h.Date.Day < 15).Select(h => h.Date).ShouldBe([D(2029, 5, 7)]);
    }

    [Fact]
    public void Adding_the_same_days_twice_gives_the_same_calendar_version()
    {
        DesignatedHoliday[] days = [new(D(2027, 6, 2), "임시공휴일", HolidayKind.Temporary)];

        Calendar.With(days).Version.ShouldBe(Calendar.With(days).Version);
    }

    [Fact]
    public void Only_election_and_temporary_days_can_be_added() =>
        Should.Throw<ArgumentException>(() => Calendar.With([new DesignatedHoliday(D(2027, 6, 2), "x", HolidayKind.Statutory)]));

    [Fact]
    public void Dates_outside_the_calendar_range_are_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Calendar.IsBusinessDay(D(2040, 1, 2)));
        Should.Throw<ArgumentOutOfRangeException>(() => Calendar.AddBusinessDays(D(2031, 12, 30), 10));
    }
}
