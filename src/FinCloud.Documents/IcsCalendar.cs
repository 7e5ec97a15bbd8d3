using System.Globalization;
using System.Text;

namespace FinCloud.Documents;

/// <summary>An all-day calendar entry: deadlines are dates, not times.</summary>
public sealed record IcsEvent(string Uid, DateOnly Date, string Summary, string? Description = null, string? Url = null);

/// <summary>
/// Writes an iCalendar feed (RFC 5545) that Outlook, Google Calendar and Apple Calendar subscribe to:
/// CRLF line ends, lines folded at 75 octets without splitting a UTF-8 character, text escaped.
/// </summary>
public static class IcsCalendar
{
    public static string Write(string name, IEnumerable<IcsEvent> events, DateTimeOffset stamp)
    {
        var ics = new StringBuilder();
        void Line(string text) => Fold(ics, text);
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//FinCloud//Deadlines//KO");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(name));
        Line("X-WR-TIMEZONE:Asia/Seoul");
        var dtstamp = stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var e in events)
        {
            Line("BEGIN:VEVENT");
            Line("UID:" + Escape(e.Uid));
            Line("DTSTAMP:" + dtstamp);
            Line("DTSTART;VALUE=DATE:" + e.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line("DTEND;VALUE=DATE:" + e.Date.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line("SUMMARY:" + Escape(e.Summary));
            if (e.Description is { } description)
            {
                Line("DESCRIPTION:" + Escape(description));
            }

            if (e.Url is { } url)
            {
                Line("URL:" + url);
            }

            Line("TRANSP:TRANSPARENT");
            Line("END:VEVENT");
        }

        Line("END:VCALENDAR");
        return ics.ToString();
    }

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    private static void Fold(StringBuilder output, string line)
    {
        var octets = 0;
        var first = true;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > (first ? 75 : 74))
            {
                output.Append("\r\n ");
                octets = 0;
                first = false;
            }

            output.Append(rune.ToString());
            octets += size;
        }

        output.Append("\r\n");
    }
}
