namespace FinCloud.Rules.Calendar;

/// <summary>
/// Precomputed business days of one calendar kind over the supported years, so that
/// "n business days from d" is two array reads instead of a walk.
/// </summary>
internal sealed class BusinessDayIndex
{
    private readonly int _first;
    private readonly bool[] _closed;
    private readonly int[] _businessBefore;
    private readonly int[] _businessDays;
    private readonly DateOnly _firstDay;
    private readonly DateOnly _lastDay;

    public BusinessDayIndex(HolidayCalendar calendar, CalendarKind kind)
    {
        _firstDay = calendar.FirstDay;
        _lastDay = calendar.LastDay;
        _first = _firstDay.DayNumber;
        var length = _lastDay.DayNumber - _first + 1;
        _closed = new bool[length];
        for (var year = _firstDay.Year; year <= _lastDay.Year; year++)
        {
            foreach (var holiday in calendar.Holidays(year, kind))
            {
                _closed[holiday.Date.DayNumber - _first] = true;
            }
        }

        _businessBefore = new int[length];
        var business = new List<int>(length);
        for (var i = 0; i < length; i++)
        {
            var day = DateOnly.FromDayNumber(_first + i);
            _closed[i] |= day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            _businessBefore[i] = business.Count;
            if (!_closed[i])
            {
                business.Add(_first + i);
            }
        }

        _businessDays = [.. business];
    }

    public bool IsBusinessDay(DateOnly date) => !_closed[Offset(date)];

    public DateOnly AddBusinessDays(DateOnly date, int days)
    {
        var i = Offset(date);
        if (days == 0)
        {
            return date;
        }

        // Business days strictly after the date start at this position; strictly before end just under _businessBefore[i].
        var k = days > 0
            ? _businessBefore[i] + (_closed[i] ? 0 : 1) + days - 1
            : _businessBefore[i] + days;
        if ((uint)k >= (uint)_businessDays.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, $"The result falls outside the calendar's range {_firstDay:yyyy-MM-dd} to {_lastDay:yyyy-MM-dd}.");
        }

        return DateOnly.FromDayNumber(_businessDays[k]);
    }

    private int Offset(DateOnly date)
    {
        var i = date.DayNumber - _first;
        if ((uint)i >= (uint)_closed.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"The calendar covers {_firstDay:yyyy-MM-dd} to {_lastDay:yyyy-MM-dd}.");
        }

        return i;
    }
}
