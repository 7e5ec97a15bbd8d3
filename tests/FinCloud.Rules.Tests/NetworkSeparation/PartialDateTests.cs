using FinCloud.Rules.NetworkSeparation;

namespace FinCloud.Rules.Tests.NetworkSeparation;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2021-04")]
    [InlineData("2020-04-01")]
    public void A_date_keeps_the_precision_it_was_written_with(string text) =>
        PartialDate.Parse(text).ToString().ShouldBe(text);

    [Fact]
    public void A_month_only_date_sorts_before_any_day_of_that_month()
    {
        (PartialDate.Parse("2024-03") < PartialDate.Parse("2024-03-01")).ShouldBeTrue();
        PartialDate.Parse("2024-03").Earliest.ShouldBe(new DateOnly(2024, 3, 1));
        PartialDate.Parse("2024-03").HasDay.ShouldBeFalse();
    }

    [Fact]
    public void Garbage_is_refused() => Should.Throw<FormatException>(() => PartialDate.Parse("2024-13"));
}
