using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FinCloud.Rules.NetworkSeparation;

/// <summary>
/// A date as precise as its source: S3 gives some steps only as a month ('21.4월), and the seed data must not invent
/// the day. Written <c>2021-04</c> or <c>2020-04-01</c>.
/// </summary>
[JsonConverter(typeof(PartialDateJsonConverter))]
public readonly record struct PartialDate : IComparable<PartialDate>
{
    private PartialDate(int year, int month, int? day)
    {
        Year = year;
        Month = month;
        Day = day;
    }

    public int Year { get; }

    public int Month { get; }

    /// <summary>Null when the source gives the month only.</summary>
    public int? Day { get; }

    public bool HasDay => Day is not null;

    public static PartialDate Of(DateOnly date) => new(date.Year, date.Month, date.Day);

    public static PartialDate OfMonth(int year, int month) =>
        month is >= 1 and <= 12 ? new(year, month, null) : throw new ArgumentOutOfRangeException(nameof(month));

    /// <summary>The earliest day the date can mean: the first of the month when only the month is known.</summary>
    public DateOnly Earliest => new(Year, Month, Day ?? 1);

    public static PartialDate Parse(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Of(day);
        }

        if (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return OfMonth(month.Year, month.Month);
        }

        throw new FormatException($"'{text}' is neither yyyy-MM-dd nor yyyy-MM.");
    }

    public int CompareTo(PartialDate other) => (Year, Month, Day ?? 0).CompareTo((other.Year, other.Month, other.Day ?? 0));

    public override string ToString() => Day is { } d
        ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{d:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;
}

public sealed class PartialDateJsonConverter : JsonConverter<PartialDate>
{
    public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PartialDate.Parse(reader.GetString() ?? throw new JsonException("A date string is required."));

    public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
