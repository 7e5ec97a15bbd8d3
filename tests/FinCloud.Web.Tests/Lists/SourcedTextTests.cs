using FinCloud.Web.Components.Shared;

namespace FinCloud.Web.Tests.Lists;

/// <summary>The rules' confidence tags become badges; the text around them is kept as written.</summary>
public sealed class SourcedTextTests
{
    [Fact]
    public void Text_splits_around_every_tag_and_keeps_everything_else()
    {
        var parts = Sourced.Parts("전자금융감독규정 제24조 [V] · 보상한도 [3P] 및 기준 [NOT FOUND]").ToList();

        parts.ShouldBe([("전자금융감독규정 제24조 ", "V"), (" · 보상한도 ", "3P"), (" 및 기준 ", "NOT FOUND"), ("", null)]);
        string.Concat(parts.Select(p => p.Text + (p.Tag is null ? "" : $"[{p.Tag}]"))).ShouldBe("전자금융감독규정 제24조 [V] · 보상한도 [3P] 및 기준 [NOT FOUND]");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("[X] 대괄호 [v] 소문자는 그대로")]
    public void Text_without_a_tag_is_one_part(string? text) =>
        Sourced.Parts(text).ShouldBe([(text ?? "", null)]);

    [Fact]
    public void Known_decision_ids_are_picked_out_and_unknown_ones_stay_text()
    {
        var parts = Sourced.Decisions("근거 (ED-2, ED-99) 및 ED-12; XED-3").ToList();

        parts.Select(p => (p.Text, p.Decision?.Id)).ShouldBe([("근거 (", "ED-2"), (", ED-99) 및 ", "ED-12"), ("; XED-3", null)]);
        string.Concat(parts.Select(p => p.Text + p.Decision?.Id)).ShouldBe("근거 (ED-2, ED-99) 및 ED-12; XED-3");
    }
}
