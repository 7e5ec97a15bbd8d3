using System.Text.Json;
using FinCloud.Cli.Tests.Rules;

namespace FinCloud.Cli.Tests.Calendar;

public sealed class CalendarCommandTests
{
    [Theory]
    [InlineData("2025-10-10", "true")]
    [InlineData("2025-10-08", "false")]
    [InlineData("2025-05-01", "true")]
    public async Task Is_business_day_prints_true_or_false(string date, string expected)
    {
        var result = await Fincloud.RunAsync("calendar", "is-business-day", date);

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.Trim().ShouldBe(expected);
    }

    [Theory]
    [InlineData("bank", "false")]
    [InlineData("exchange", "false")]
    [InlineData("public", "true")]
    public async Task Workers_day_closes_banks_and_the_exchange_only(string calendar, string expected)
    {
        var result = await Fincloud.RunAsync("calendar", "is-business-day", "2025-05-01", "--calendar", calendar);

        result.Stdout.Trim().ShouldBe(expected);
    }

    [Theory]
    [InlineData("2022-10-17", "-7", "2022-10-05")]
    [InlineData("2025-10-04", "1", "2025-10-10")]
    [InlineData("2025-10-02", "1", "2025-10-10")]
    public async Task Add_business_days_never_counts_the_start_date(string date, string n, string expected)
    {
        var result = await Fincloud.RunAsync("calendar", "add-business-days", date, n);

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.Trim().ShouldBe(expected);
    }

    [Fact]
    public async Task The_exchange_calendar_skips_the_year_end_day()
    {
        var result = await Fincloud.RunAsync("calendar", "add-business-days", "2023-12-28", "1", "--calendar", "exchange");

        result.Stdout.Trim().ShouldBe("2024-01-02");
    }

    [Fact]
    public async Task Holidays_prints_a_json_array_with_substitute_days()
    {
        var result = await Fincloud.RunAsync("calendar", "holidays", "2025");

        result.ExitCode.ShouldBe(0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var days = json.RootElement.EnumerateArray().ToList();
        days.Count.ShouldBe(19);
        days.ShouldContain(d => d.GetProperty("date").GetString() == "2025-10-08" && d.GetProperty("substitute").GetBoolean());
        days.ShouldContain(d => d.GetProperty("date").GetString() == "2025-01-28" && d.GetProperty("name").GetString() == "설날");
    }

    [Fact]
    public async Task Bank_holidays_include_workers_day()
    {
        var result = await Fincloud.RunAsync("calendar", "holidays", "2025", "--calendar", "bank");

        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.EnumerateArray().ShouldContain(d => d.GetProperty("date").GetString() == "2025-05-01");
    }

    [Theory]
    [InlineData(new[] { "calendar", "is-business-day", "2025-02-29" }, "invalid-date")]
    [InlineData(new[] { "calendar", "add-business-days", "2025-01-02", "three" }, "invalid-number")]
    [InlineData(new[] { "calendar", "holidays", "1999" }, "out-of-range")]
    [InlineData(new[] { "calendar", "holidays", "2025", "--calendar", "krx" }, "unknown-enum")]
    public async Task Bad_arguments_exit_2_with_a_json_error(string[] args, string code)
    {
        var result = await Fincloud.RunAsync(args);

        RulesEvaluateTests.AssertInputError(result, code, null);
    }
}
