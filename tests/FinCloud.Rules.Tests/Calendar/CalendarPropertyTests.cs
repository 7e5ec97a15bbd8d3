using FinCloud.Rules.Calendar;
using FinCloud.Rules.Rulebooks;
using FsCheck;
using FsCheck.Fluent;

namespace FinCloud.Rules.Tests.Calendar;

public sealed class CalendarPropertyTests
{
    private static readonly HolidayCalendar Calendar = HolidayCalendar.Default;

    // The supported years 2015–2030; the calendar's data run from 2014 to 2031.
    private static readonly DateOnly First = new(2015, 1, 1);
    private static readonly DateOnly Last = new(2030, 12, 31);

    // A step of up to 240 business days spans about 340 calendar days, and the round trip goes out and
    // back, so step properties start no later than mid-2030 to stay inside the calendar's data.
    private static readonly DateOnly LastStepStart = new(2030, 6, 30);

    private static Arbitrary<DateOnly> Days() =>
        Gen.Choose(0, Last.DayNumber - First.DayNumber).Select(i => First.AddDays(i)).ToArbitrary();

    private static Arbitrary<DateOnly> StepStarts() =>
        Gen.Choose(0, LastStepStart.DayNumber - First.DayNumber).Select(i => First.AddDays(i)).ToArbitrary();

    // Triggers early enough that a 24-month period and its roll stay inside the calendar.
    private static Arbitrary<DateOnly> Triggers() =>
        Gen.Choose(0, new DateOnly(2028, 12, 1).DayNumber - First.DayNumber).Select(i => First.AddDays(i)).ToArbitrary();

    private static Arbitrary<int> Counts() => Gen.Choose(-240, 240).ToArbitrary();

    private static Arbitrary<CalendarKind> Kinds() => Gen.Elements(CalendarKind.Public, CalendarKind.Bank, CalendarKind.Exchange).ToArbitrary();

    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public Property Adding_then_subtracting_business_days_returns_a_business_day_to_itself() =>
        Prop.ForAll(StepStarts(), Counts(), Kinds(), (day, n, kind) =>
        {
            var start = Calendar.NextBusinessDayOnOrAfter(day, kind);
            return Calendar.AddBusinessDays(Calendar.AddBusinessDays(start, n, kind), -n, kind) == start;
        });

    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public Property A_nonzero_business_day_step_never_lands_on_a_closed_day() =>
        Prop.ForAll(StepStarts(), Counts().Filter(n => n != 0), Kinds(), (day, n, kind) =>
        {
            var result = Calendar.AddBusinessDays(day, n, kind);
            return result.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
                && Calendar.Holidays(result.Year, kind).All(h => h.Date != result);
        });

    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public Property A_step_of_n_crosses_exactly_n_business_days() =>
        Prop.ForAll(Days(), Gen.Choose(1, 40).ToArbitrary(), (day, n) =>
        {
            var result = Calendar.AddBusinessDays(day, n);
            var counted = 0;
            for (var d = day.AddDays(1); d <= result; d = d.AddDays(1))
            {
                counted += Calendar.IsBusinessDay(d) ? 1 : 0;
            }

            return counted == n && result > day;
        });

    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public Property Month_periods_never_end_before_they_start() =>
        Prop.ForAll(Triggers(), Gen.Choose(1, 24).ToArbitrary(), (trigger, months) =>
        {
            var end = CivilPeriod.EndOfMonths(trigger, months);
            var due = CivilPeriod.DueAfterMonths(trigger, months, Calendar);
            return end > trigger && due >= end && Calendar.IsBusinessDay(due)
                && end <= trigger.AddMonths(months).AddDays(3);
        });

    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public Property A_longer_period_never_ends_earlier() =>
        Prop.ForAll(Triggers(), Gen.Choose(1, 24).ToArbitrary(), (trigger, months) =>
            CivilPeriod.EndOfMonths(trigger, months + 1) > CivilPeriod.EndOfMonths(trigger, months));

    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public Property The_regime_never_goes_back_as_the_as_of_date_grows() =>
        Prop.ForAll(Days(), Days(), (a, b) =>
        {
            var (early, late) = a <= b ? (a, b) : (b, a);
            if (early < new DateOnly(2019, 1, 1))
            {
                return true;
            }

            return RulebookLibrary.CloudUseInForce(early).EffectiveFrom <= RulebookLibrary.CloudUseInForce(late).EffectiveFrom;
        });

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Every_business_day_of_the_public_calendar_is_open_on_no_more_kinds_than_it_should() =>
        Prop.ForAll(Days(), day =>
            (!Calendar.IsBusinessDay(day, CalendarKind.Exchange) || Calendar.IsBusinessDay(day, CalendarKind.Bank))
            && (!Calendar.IsBusinessDay(day, CalendarKind.Bank) || Calendar.IsBusinessDay(day, CalendarKind.Public)));
}
