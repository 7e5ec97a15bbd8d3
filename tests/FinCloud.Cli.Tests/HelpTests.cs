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
}
