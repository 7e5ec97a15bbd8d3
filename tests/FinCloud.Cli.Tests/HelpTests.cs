namespace FinCloud.Cli.Tests;

public sealed class HelpTests
{
    [Fact]
    public async Task Help_exits_zero_and_names_the_product()
    {
        var result = await Fincloud.RunAsync("--help");
        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldContain("FinCloud");
    }

    [Fact]
    public async Task An_unknown_command_exits_2_with_a_json_error_and_no_stdout()
    {
        var result = await Fincloud.RunAsync("no-such-command");
        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        using var error = System.Text.Json.JsonDocument.Parse(result.Stderr);
        error.RootElement.GetProperty("error").GetProperty("code").GetString().ShouldBe("usage");
    }
}
