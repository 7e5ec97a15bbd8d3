using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using FinCloud.Rules.Calendar;

namespace FinCloud.Cli.Calendar;

/// <summary><c>fincloud calendar …</c>: Korean business days (CLI contract §2).</summary>
public static class CalendarCommands
{
    public static Command Create()
    {
        var calendar = new Option<string>("--calendar")
        {
            Description = "public (관공서, default) | bank (also closed on 5/1) | exchange (KRX: also 5/1 and the year-end day)",
            DefaultValueFactory = _ => "public",
            Recursive = true,
        };
        var group = new Command("calendar", "한국 영업일 달력 (Korean business-day calendars, 2014–2031)");
        group.Options.Add(calendar);
        group.Subcommands.Add(IsBusinessDay(calendar));
        group.Subcommands.Add(AddBusinessDays(calendar));
        group.Subcommands.Add(Holidays(calendar));
        return group;
    }

    private static Command IsBusinessDay(Option<string> calendar)
    {
        var date = new Argument<string>("DATE") { Description = "YYYY-MM-DD" };
        var command = new Command("is-business-day", """
            Prints true or false.

            Examples:
              fincloud calendar is-business-day 2025-10-10
              fincloud calendar is-business-day 2026-05-01 --calendar bank
            """);
        command.Arguments.Add(date);
        command.SetAction(parse =>
        {
            var kind = Kind(parse.GetValue(calendar));
            var day = Date(parse.GetValue(date)!, "DATE");
            var result = Guard(() => HolidayCalendar.Default.IsBusinessDay(day, kind), "DATE");
            Console.Out.Write(result ? "true\n" : "false\n");
            return 0;
        });
        return command;
    }

    private static Command AddBusinessDays(Option<string> calendar)
    {
        var date = new Argument<string>("DATE") { Description = "YYYY-MM-DD; never counted itself" };
        var count = new Argument<string>("N") { Description = "business days to add; negative steps back" };
        var command = new Command("add-business-days", """
            Prints the date N business days after DATE (before, when N is negative). DATE itself is not counted,
            whether or not it is a business day.

            Examples:
              fincloud calendar add-business-days 2022-10-17 -7      # 2022-10-05 (ED-6)
              fincloud calendar add-business-days 2026-04-30 1 --calendar bank
            """);
        command.Arguments.Add(date);
        command.Arguments.Add(count);
        command.SetAction(parse =>
        {
            var kind = Kind(parse.GetValue(calendar));
            var day = Date(parse.GetValue(date)!, "DATE");
            var text = parse.GetValue(count)!;
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            {
                throw new InputErrorException("invalid-number", $"'{text}' is not a whole number of business days.", "N");
            }

            var result = Guard(() => HolidayCalendar.Default.AddBusinessDays(day, n, kind), "N");
            Console.Out.Write(result.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "\n");
            return 0;
        });
        return command;
    }

    private static Command Holidays(Option<string> calendar)
    {
        var year = new Argument<string>("YEAR") { Description = "e.g. 2025" };
        var command = new Command("holidays", """
            Prints the year's closed days as a JSON array of {"date","name","substitute"}; weekend days inside
            설날 and 추석 are listed too.

            Examples:
              fincloud calendar holidays 2025
              fincloud calendar holidays 2026 --calendar exchange
            """);
        command.Arguments.Add(year);
        command.SetAction(parse =>
        {
            var kind = Kind(parse.GetValue(calendar));
            var text = parse.GetValue(year)!;
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            {
                throw new InputErrorException("invalid-year", $"'{text}' is not a year.", "YEAR");
            }

            var holidays = Guard(() => HolidayCalendar.Default.Holidays(y, kind), "YEAR");
            Console.Out.Write(Json(holidays) + "\n");
            return 0;
        });
        return command;
    }

    private static string Json(IReadOnlyList<Holiday> holidays)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var h in holidays)
            {
                json.WriteStartObject();
                json.WriteString("date", h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteString("name", h.Name);
                json.WriteBoolean("substitute", h.Substitute);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static CalendarKind Kind(string? name) => name switch
    {
        null or "public" => CalendarKind.Public,
        "bank" => CalendarKind.Bank,
        "exchange" => CalendarKind.Exchange,
        _ => throw new InputErrorException("unknown-enum", $"Unknown calendar '{name}'; expected one of: public, bank, exchange.", "--calendar"),
    };

    private static DateOnly Date(string text, string path)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        throw new InputErrorException("invalid-date", $"'{text}' is not a date of the calendar in the form YYYY-MM-DD.", path);
    }

    private static T Guard<T>(Func<T> compute, string path)
    {
        try
        {
            return compute();
        }
        catch (ArgumentOutOfRangeException error)
        {
            throw new InputErrorException("out-of-range", error.Message.Split('\n')[0].Split(" (Parameter")[0].Trim(), path);
        }
    }
}
