using FinCloud.Rules;

namespace FinCloud.Rules.Tests;

public sealed class KoreanTimeTests
{
    [Fact]
    public void An_instant_after_15h_UTC_is_already_the_next_day_in_Korea() =>
        KoreanTime.ToKoreanDate(new DateTimeOffset(2026, 1, 31, 15, 0, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2026, 2, 1));
}
